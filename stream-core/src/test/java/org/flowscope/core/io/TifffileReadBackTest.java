package org.flowscope.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.Tifffile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format flowscope writes, read back by an independent reader (Python's tifffile): shape, values, calibration. */
class TifffileReadBackTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsTifffile() {
        assumeTrue(Tifffile.available(), Tifffile.MISSING);
    }

    private static short[] u16(int frames, int n) {
        short[] all = new short[frames * n];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (60000 - 13 * i);
        }
        return all;
    }

    private static float[] f32(int frames, int n) {
        float[] all = new float[frames * n];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) Math.sin(i) * 1000 + i * 0.125f;
        }
        return all;
    }

    private Path writeU16(String name, TiffWriteOptions options, int frames, int w, int h) {
        Path f = dir.resolve(name);
        short[] all = u16(frames, w * h);
        try (TiffStreamWriter wr = TiffStreamWriter.create(f, w, h, PixelType.U16, StackMetadata.of(PixelType.U16, 108, 20),
                options)) {
            for (int k = 0; k < frames; k++) {
                short[] px = new short[w * h];
                System.arraycopy(all, k * w * h, px, 0, px.length);
                wr.append(new PixelData.U16(px));
            }
            wr.finish();
        }
        return f;
    }

    @Test
    void anImageJTiffReadsWithItsShapeValuesUnitAndFrameInterval() {
        Map<String, String> t = Tifffile.probe(writeU16("raw.tif", TiffWriteOptions.defaults(), 3, 7, 5));
        assertEquals("3x5x7", t.get("shape"));
        assertEquals("uint16", t.get("dtype"));
        assertEquals(Tifffile.sha256(u16(3, 35)), t.get("sha256"));
        assertEquals("True", t.get("imagej"));
        assertEquals("False", t.get("bigtiff"));
        assertEquals("micron", t.get("ij.unit"));
        assertEquals(0.02, Double.parseDouble(t.get("ij.finterval")), 1e-12);
        assertEquals(3, Integer.parseInt(t.get("ij.frames")));
        assertEquals(1 / 0.108, Double.parseDouble(t.get("xres")), 1e-6);
    }

    @Test
    void anImageJBigTiffReadsWithItsValuesAndCalibration() {
        Map<String, String> t = Tifffile.probe(writeU16("big.tif",
                TiffWriteOptions.defaults().withBigTiff(TiffWriteOptions.BigTiff.ALWAYS), 4, 6, 3));
        assertEquals("True", t.get("bigtiff"));
        assertEquals("4x3x6", t.get("shape"));
        assertEquals(Tifffile.sha256(u16(4, 18)), t.get("sha256"));
        assertEquals("micron", t.get("ij.unit"));
        assertEquals(1 / 0.108, Double.parseDouble(t.get("xres")), 1e-6);
    }

    @Test
    void anOmeTiffReadsWithPhysicalSizeTimeIncrementAndChannelName() {
        Path f = writeU16("raw.ome.tif", TiffWriteOptions.of(OutputFormat.OME_TIFF).withNames("raw", "camera"), 3, 8, 4);
        Map<String, String> t = Tifffile.probe(f);
        assertEquals("True", t.get("ome"));
        assertEquals("False", t.get("bigtiff"));
        assertEquals("3x4x8", t.get("shape"));
        assertEquals("TYX", t.get("axes"));
        assertEquals(Tifffile.sha256(u16(3, 32)), t.get("sha256"));
        assertEquals(0.108, Double.parseDouble(t.get("ome.PhysicalSizeX")), 1e-12);
        assertEquals(0.108, Double.parseDouble(t.get("ome.PhysicalSizeY")), 1e-12);
        assertEquals("\u00b5m", t.get("ome.PhysicalSizeXUnit"));
        assertEquals(0.02, Double.parseDouble(t.get("ome.TimeIncrement")), 1e-12);
        assertEquals("s", t.get("ome.TimeIncrementUnit"));
        assertEquals("XYCZT", t.get("ome.DimensionOrder"));
        assertEquals("3", t.get("ome.SizeT"));
        assertEquals("uint16", t.get("ome.Type"));
        assertEquals("camera", t.get("ome.ChannelName"));
    }

    @Test
    void aFloatOmeBigTiffOfAWholeStackReadsBack() {
        Path f = dir.resolve("sr.ome.tif");
        float[] data = f32(2, 30);
        TiffStacks.write(f, new ImageStack(2, 5, 6, data), StackMetadata.of(PixelType.F32, 20, 500), PixelType.F32,
                TiffWriteOptions.of(OutputFormat.OME_TIFF).withBigTiff(TiffWriteOptions.BigTiff.ALWAYS)
                        .withNames("sr", "esrrf"));
        Map<String, String> t = Tifffile.probe(f);
        assertEquals("True", t.get("ome"));
        assertEquals("True", t.get("bigtiff"));
        assertEquals("float32", t.get("dtype"));
        assertEquals("2x5x6", t.get("shape"));
        assertEquals(Tifffile.sha256(data), t.get("sha256"));
        assertEquals(0.02, Double.parseDouble(t.get("ome.PhysicalSizeX")), 1e-12);
        assertEquals(0.5, Double.parseDouble(t.get("ome.TimeIncrement")), 1e-12);
        assertEquals("float", t.get("ome.Type"));
        assertEquals("esrrf", t.get("ome.ChannelName"));
    }

    @Test
    void aRecoveredStreamReadsAsAValidStack() {
        Path f = dir.resolve("result.ome.tif");
        float[] data = f32(5, 12);
        TiffStreamWriter wr = TiffStreamWriter.create(f, 4, 3, PixelType.F32, StackMetadata.of(PixelType.F32, 20, 100),
                TiffWriteOptions.of(OutputFormat.OME_TIFF).withFramesPerRecord(2));
        for (int k = 0; k < 5; k++) {
            float[] px = new float[12];
            System.arraycopy(data, k * 12, px, 0, 12);
            wr.append(new PixelData.F32(px));
        }
        // the writer is abandoned, as by a killed process; two whole records of two frames are recoverable
        TiffStreamRecovery.recover(TiffStacks.partialPath(f));
        Map<String, String> t = Tifffile.probe(f);
        assertEquals("4x3x4", t.get("shape"));
        assertEquals(Tifffile.sha256(java.util.Arrays.copyOf(data, 48)), t.get("sha256"));
        assertEquals("4", t.get("ome.SizeT"));
        assertEquals(0.1, Double.parseDouble(t.get("ome.TimeIncrement")), 1e-12);
    }
}
