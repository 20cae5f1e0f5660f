package org.flowscope.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.testing.TiffBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes and time series of volumes (ImageJ hyperstacks, OME-TIFF with SizeZ): written, read, refused. */
class HyperstackIoTest {
    @TempDir
    Path dir;

    private static ImageStack planes(int n, int h, int w) {
        float[] d = new float[n * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.5f;
        }
        return new ImageStack(n, h, w, d);
    }

    private static StackMetadata volumes(int slices) {
        return StackMetadata.of(PixelType.F32, 100, 50).withSlices(slices).withZStepNm(250);
    }

    @Test
    void anImageJTimeSeriesOfVolumesReadsBackWithItsSlicesAndZStep() {
        Path f = dir.resolve("tzyx.tif");
        ImageStack s = planes(12, 5, 7);
        TiffStacks.writeF32(f, s, volumes(4));
        TiffStack got = TiffStacks.readHyperstack(f);
        assertEquals(4, got.metadata().slices());
        assertEquals(250, got.metadata().zStepNm().getAsDouble(), 1e-6);
        assertEquals(100, got.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        assertEquals(50, got.metadata().frameIntervalMs().getAsDouble(), 1e-6);
        assertArrayEquals(s.data(), got.stack().data());
    }

    @Test
    void anOmeTiffTimeSeriesOfVolumesReadsBackWithItsSlicesAndZStep() {
        Path f = dir.resolve("tzyx.ome.tif");
        ImageStack s = planes(6, 4, 3);
        TiffStacks.write(f, s, volumes(3), PixelType.F32, TiffWriteOptions.of(OutputFormat.OME_TIFF));
        TiffStack got = TiffStacks.readHyperstack(f);
        assertEquals(3, got.metadata().slices());
        assertEquals(250, got.metadata().zStepNm().getAsDouble(), 1e-6);
        assertArrayEquals(s.data(), got.stack().data());
    }

    @Test
    void theDescriptionsNameSlicesAndFramesOfAHyperstack() {
        String ij = ImageJDescription.build(12, volumes(4), 0, 1);
        assertTrue(ij.contains("images=12\nslices=4\nframes=3\nhyperstack=true\nunit=micron\nspacing=0.25\n"), ij);
        String ome = OmeXml.build(4, 4, 12, PixelType.F32, volumes(4), "i", "c", "flowscope");
        assertTrue(ome.contains("SizeZ=\"4\" SizeT=\"3\"") && ome.contains("PhysicalSizeZ=\"0.25\""), ome);
    }

    @Test
    void aPlaneCountThatIsNotWholeVolumesIsWrittenAsATimeSeries() {
        String ij = ImageJDescription.build(7, volumes(4), 0, 1);
        assertFalse(ij.contains("slices") || ij.contains("spacing"), ij);
        assertTrue(ij.contains("frames=7"), ij);
    }

    @Test
    void theThreeDimensionalReaderStillRefusesAFourDimensionalStack() {
        Path f = dir.resolve("tzyx.tif");
        TiffStacks.writeF32(f, planes(6, 3, 3), volumes(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.read(f));
        assertTrue(e.getMessage().contains("4-D stack (slices=2, frames=3)") && e.getMessage().contains("esrrf3d"),
                e.getMessage());
    }

    @Test
    void aTimeSeriesAndAPlainMultiPageTiffHaveOneSlicePerTimePoint() throws IOException {
        Path f = dir.resolve("tyx.tif");
        TiffStacks.writeF32(f, planes(5, 3, 3), StackMetadata.of(PixelType.F32, 100, 10));
        assertEquals(1, TiffStacks.readHyperstack(f).metadata().slices());
        TiffBuilder b = new TiffBuilder();
        for (int k = 0; k < 3; k++) {
            b.page(4, 4, 16, 1).strips(TiffBuilder.u16(new int[16]));
        }
        TiffStack plain = TiffStacks.readHyperstack(b.write(dir.resolve("plain.tif")));
        assertEquals(1, plain.metadata().slices());
        assertEquals(3, plain.stack().frames());
        assertTrue(plain.metadata().zStepNm().isEmpty());
    }

    private Path imagej(String name, String description, int pages) throws IOException {
        TiffBuilder b = new TiffBuilder();
        for (int k = 0; k < pages; k++) {
            TiffBuilder.Page p = b.page(4, 4, 16, 1).strips(TiffBuilder.u16(new int[16]));
            if (k == 0) {
                p.ascii(270, description);
            }
        }
        return b.write(dir.resolve(name));
    }

    @Test
    void slicesTimesFramesThatDoNotMatchThePlanesAreRefusedNamingBoth() throws IOException {
        Path f = imagej("bad.tif", "ImageJ=1.54f\nimages=6\nslices=4\nframes=2\nhyperstack=true\n", 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.readHyperstack(f));
        assertTrue(e.getMessage().contains("inconsistent hyperstack") && e.getMessage().contains("slices=4, frames=2")
                && e.getMessage().contains("holds 6"), e.getMessage());
        Path g = imagej("odd.tif", "ImageJ=1.54f\nimages=5\nslices=2\nhyperstack=true\n", 5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TiffStacks.readHyperstack(g)).getMessage()
                .contains("inconsistent hyperstack"));
    }

    @Test
    void aMultiChannelHyperstackIsRefused() throws IOException {
        Path f = imagej("2ch.tif", "ImageJ=1.54f\nimages=8\nchannels=2\nslices=2\nframes=2\nhyperstack=true\n", 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.readHyperstack(f));
        assertTrue(e.getMessage().contains("multi-channel stack (channels=2)"), e.getMessage());
    }

    @Test
    void anOmeTiffWithTimeBeforeZIsRefusedNamingItsOrder() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/"
                + "2016-06\" UUID=\"urn:uuid:1\"><Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCTZ\""
                + " Type=\"uint16\" SizeX=\"4\" SizeY=\"4\" SizeC=\"1\" SizeZ=\"2\" SizeT=\"2\">"
                + "<Channel ID=\"Channel:0:0\"/><TiffData IFD=\"0\" PlaneCount=\"4\"/></Pixels></Image></OME>";
        Path f = imagej("tz.ome.tif", xml, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.readHyperstack(f));
        assertTrue(e.getMessage().contains("ordered t before z (DimensionOrder=XYCTZ)"), e.getMessage());
    }

    @Test
    void theStreamHeaderKeepsSlicesAndZStepForRecovery() throws IOException {
        Path f = dir.resolve("h.partial");
        StreamHeader h = new StreamHeader(4, 3, PixelType.F32, volumes(5), TiffWriteOptions.defaults(), "h.tif");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            h.write(ch);
            StreamHeader back = StreamHeader.read(ch, f);
            assertEquals(5, back.metadata().slices());
            assertEquals(250, back.metadata().zStepNm().getAsDouble(), 1e-9);
        }
    }
}
