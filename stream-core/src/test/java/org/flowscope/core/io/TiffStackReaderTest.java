package org.flowscope.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.Deflater;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.TiffBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on files from other writers, and on every kind of malformed file: clear errors, never a hang. */
class TiffStackReaderTest {
    @TempDir
    Path dir;

    private String rejection(Path file) {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> TiffStackReader.open(file).close()));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        return e.getMessage();
    }

    private static TiffBuilder.Page u16Page(TiffBuilder b, int w, int h, int base) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = base + i;
        }
        return b.page(w, h, 16, 1).strips(TiffBuilder.u16(px));
    }

    @Test
    void aDirectoryThatPointsToItselfFailsFastNamingTheLoop() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0).nextOverride(TiffBuilder.SELF);
        String m = rejection(b.write(dir.resolve("self.tif")));
        assertTrue(m.contains("directory 2 points back to the directory at byte") && m.contains("loop"), m);
    }

    @Test
    void aDirectoryChainThatLoopsBackToTheFirstFailsFast() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0);
        u16Page(b, 4, 4, 100);
        u16Page(b, 4, 4, 200).nextOverride(TiffBuilder.FIRST);
        assertTrue(rejection(b.write(dir.resolve("cycle.tif"))).contains("directory 4 points back"));
    }

    @Test
    void aDirectoryClaimingMoreEntriesThanTheFileHoldsIsRejected() throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 60000);
        Path f = Files.write(dir.resolve("entries.tif"), bb.array());
        assertTrue(rejection(f).contains("claims 60000 entries"));
    }

    @Test
    void aTagWhoseValuesLiePastTheEndIsRejected() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0).tag(279, 4, 32, 32, 32);
        byte[] bytes = b.bytes();
        // point the StripByteCounts array (3 values, out of line) past the end of the file
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = bb.getInt(4);
        int n = bb.getShort(ifd);
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + i * 12;
            if (bb.getShort(e) == 279) {
                bb.putInt(e + 8, 1 << 30);
            }
        }
        Path f = Files.write(dir.resolve("tagvalues.tif"), bytes);
        assertTrue(rejection(f).contains("tag 279 of directory 1 holds 3 values at byte 1073741824, past the end"));
    }

    @Test
    void randomBytesAndTextNamedTifAreNotATiffFile() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = (byte) 0x8f;
        String m = rejection(Files.write(dir.resolve("noise.tif"), noise));
        assertTrue(m.startsWith("not a TIFF file (it starts with bytes 8f"), m);
        assertFalse(m.contains("truncated"), m);
        m = rejection(Files.writeString(dir.resolve("notes.tif"), "these are my notes, not an image\n"));
        assertTrue(m.startsWith("not a TIFF file (it starts with the text \"thes\""), m);
    }

    @Test
    void unsignedThirtyTwoBitPixelsAreNamedUint32() throws IOException {
        TiffBuilder b = new TiffBuilder();
        b.page(4, 4, 32, 1).strips(new byte[64]);
        String m = rejection(b.write(dir.resolve("u32.tif")));
        assertTrue(m.contains("unsupported pixel type uint32"), m);
        b = new TiffBuilder();
        b.page(4, 4, 32, 2).strips(new byte[64]);
        assertTrue(rejection(b.write(dir.resolve("i32.tif"))).contains("unsupported pixel type int32"));
    }

    @Test
    void aTiledTiffIsRejectedNamingTheTiles() throws IOException {
        TiffBuilder b = new TiffBuilder();
        b.page(32, 32, 16, 1).tag(322, 3, 16).tag(323, 3, 16).tag(324, 4, 8, 8, 8, 8).tag(325, 4, 512, 512, 512, 512);
        String m = rejection(b.write(dir.resolve("tiled.tif")));
        assertTrue(m.startsWith("tiled TIFF (tiles of 16x16 pixels)") && m.contains("strips"), m);
        assertFalse(m.contains("Bio-Formats"), m);
    }

    @Test
    void aDirectoryPastTheEndOfATruncatedFileIsNamed() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0).nextOverride(1_000_000);
        assertTrue(rejection(b.write(dir.resolve("cut.tif")))
                .contains("truncated TIFF: directory 2 is said to start at byte 1000000, past the end"));
    }

    @Test
    void bigTiffRoundTripsWithPixelSizeAndInterval() {
        Path f = dir.resolve("big.tif");
        try (TiffStreamWriter w = TiffStreamWriter.create(f, 5, 3, PixelType.U16, StackMetadata.of(PixelType.U16, 108, 25),
                TiffWriteOptions.defaults().withBigTiff(TiffWriteOptions.BigTiff.ALWAYS))) {
            for (int k = 0; k < 4; k++) {
                short[] px = new short[15];
                for (int i = 0; i < 15; i++) {
                    px[i] = (short) (40000 + 100 * k + i);
                }
                w.append(new PixelData.U16(px));
            }
            assertTrue(w.finish());
        }
        try (TiffStackReader r = TiffStackReader.open(f)) {
            assertTrue(r.bigTiff());
            assertEquals(4, r.frameCount());
            assertEquals(40000 + 300 + 14, ((PixelData.U16) r.readFrame(3)).pixels()[14] & 0xFFFF);
            assertEquals(108.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(25.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
    }

    @Test
    void anImageJFileWithOneDirectoryForManyImagesIsReadContiguously() throws IOException {
        // ImageJ writes stacks past 4 GiB this way: one directory, "images=N", the images back to back
        int[] px = new int[3 * 16];
        for (int i = 0; i < px.length; i++) {
            px[i] = 7 * i;
        }
        TiffBuilder b = new TiffBuilder();
        b.page(4, 4, 16, 1).tag(279, 4, 32).strips(TiffBuilder.u16(px))
                .ascii(270, "ImageJ=1.54p\nimages=3\nframes=3\nunit=micron\nfinterval=0.05\n")
                .tag(282, 5, 10, 1).tag(296, 3, 1);
        try (TiffStackReader r = TiffStackReader.open(b.write(dir.resolve("ij4g.tif")))) {
            assertEquals(3, r.frameCount());
            assertEquals(7 * (2 * 16 + 5), ((PixelData.U16) r.readFrame(2)).pixels()[5]);
            assertEquals(100.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(50.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
    }

    @Test
    void deflateWithDifferencingAndPackBitsPagesDecode() throws IOException {
        int w = 6;
        int h = 4;
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 1000 + 37 * i;
        }
        byte[] diffed = TiffBuilder.u16(horizontalDifferences(px, w));
        Deflater d = new Deflater();
        d.setInput(diffed);
        d.finish();
        byte[] buf = new byte[1024];
        byte[] zipped = java.util.Arrays.copyOf(buf, d.deflate(buf));
        byte[] raw = TiffBuilder.u16(px);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i += 16) {
            int n = Math.min(16, raw.length - i);
            packed.write(n - 1); // a literal run of n bytes
            packed.write(raw, i, n);
        }
        TiffBuilder b = new TiffBuilder();
        b.page(w, h, 16, 1).tag(259, 3, 8).tag(317, 3, 2).strips(zipped);
        b.page(w, h, 16, 1).tag(259, 3, 32773).strips(packed.toByteArray());
        try (TiffStackReader r = TiffStackReader.open(b.write(dir.resolve("compressed.tif")))) {
            short[] expected = new short[px.length];
            for (int i = 0; i < px.length; i++) {
                expected[i] = (short) px[i];
            }
            assertArrayEquals(expected, ((PixelData.U16) r.readFrame(0)).pixels());
            assertArrayEquals(expected, ((PixelData.U16) r.readFrame(1)).pixels());
        }
    }

    private static int[] horizontalDifferences(int[] px, int w) {
        int[] out = px.clone();
        for (int i = px.length - 1; i >= 0; i--) {
            if (i % w != 0) {
                out[i] = (px[i] - px[i - 1]) & 0xFFFF;
            }
        }
        return out;
    }

    @Test
    void anUnsupportedCompressionIsNamed() throws IOException {
        TiffBuilder b = new TiffBuilder();
        b.page(4, 4, 16, 1).tag(259, 3, 7).strips(new byte[10]);
        assertTrue(rejection(b.write(dir.resolve("jpeg.tif"))).contains("unsupported TIFF compression JPEG (code 7)"));
    }

    private static String mmOmeXml(String pixelsAttributes, String planes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\""
                + " UUID=\"urn:uuid:1\"><Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\""
                + " Type=\"uint16\" SizeX=\"4\" SizeY=\"4\" " + pixelsAttributes + ">"
                + "<Channel ID=\"Channel:0:0\" Name=\"Cy5\"/><TiffData IFD=\"0\" PlaneCount=\"3\"/>" + planes
                + "</Pixels></Image></OME>";
    }

    private Path omeFile(String name, String xml, int pages) throws IOException {
        TiffBuilder b = new TiffBuilder();
        for (int k = 0; k < pages; k++) {
            TiffBuilder.Page p = u16Page(b, 4, 4, 100 * k);
            if (k == 0) {
                p.ascii(270, xml);
            }
        }
        return b.write(dir.resolve(name));
    }

    @Test
    void aMicroManagerOmeTiffKeepsItsPixelSizeAndFrameInterval() throws IOException {
        String planes = "<Plane TheC=\"0\" TheZ=\"0\" TheT=\"0\" DeltaT=\"0\" DeltaTUnit=\"ms\"/>"
                + "<Plane TheC=\"0\" TheZ=\"0\" TheT=\"1\" DeltaT=\"48.5\" DeltaTUnit=\"ms\"/>"
                + "<Plane TheC=\"0\" TheZ=\"0\" TheT=\"2\" DeltaT=\"97\" DeltaTUnit=\"ms\"/>";
        Path f = omeFile("mm.ome.tif", mmOmeXml("SizeC=\"1\" SizeZ=\"1\" SizeT=\"3\" PhysicalSizeX=\"65\""
                + " PhysicalSizeXUnit=\"nm\" PhysicalSizeY=\"65\" PhysicalSizeYUnit=\"nm\"", planes), 3);
        try (TiffStackReader r = TiffStackReader.open(f)) {
            assertEquals(3, r.frameCount());
            assertEquals(65.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(48.5, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
        f = omeFile("ti.ome.tif", mmOmeXml("SizeC=\"1\" SizeZ=\"1\" SizeT=\"3\" PhysicalSizeX=\"0.108\""
                + " TimeIncrement=\"0.02\"", ""), 3);
        try (TiffStackReader r = TiffStackReader.open(f)) {
            assertEquals(108.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(20.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
    }

    @Test
    void omeTiffsWithSeveralChannelsPositionsOrFilesAreRejectedClearly() throws IOException {
        assertTrue(rejection(omeFile("2ch.ome.tif", mmOmeXml("SizeC=\"2\" SizeZ=\"1\" SizeT=\"2\"", ""), 4))
                .contains("multi-channel OME-TIFF (SizeC=2)"));
        assertTrue(rejection(omeFile("split.ome.tif", mmOmeXml("SizeC=\"1\" SizeZ=\"1\" SizeT=\"500\"", ""), 3))
                .contains("holds 3 of the 500 planes"));
        String two = mmOmeXml("SizeC=\"1\" SizeZ=\"1\" SizeT=\"1\"", "").replace("</Image>",
                "</Image><Image ID=\"Image:1\"><Pixels ID=\"Pixels:1\" SizeC=\"1\" SizeZ=\"1\" SizeT=\"1\"/></Image>");
        assertTrue(rejection(omeFile("pos.ome.tif", two, 2)).contains("OME-TIFF holds 2 images"));
        assertTrue(rejection(omeFile("bad.ome.tif", "<OME><Image>", 1)).contains("unreadable OME-XML"));
    }

    @Test
    void aMicroManagerImageJStackKeepsCalibrationFromItsPerImageMetadata() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0).ascii(270, "ImageJ=1.47a\nimages=2\nframes=2\n")
                .ascii(51123, "{\"PixelSizeUm\":0.108,\"ElapsedTime-ms\":\"12.0\",\"Camera\":\"DCam\"}");
        u16Page(b, 4, 4, 50).ascii(51123, "{\"PixelSizeUm\":0.108,\"ElapsedTime-ms\":\"62.0\"}");
        try (TiffStackReader r = TiffStackReader.open(b.write(dir.resolve("mm_ij.tif")))) {
            assertEquals(108.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(50.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
    }

    @Test
    void aStreamStillBeingWrittenIsNotATiff() {
        Path f = dir.resolve("raw.tif");
        try (TiffStreamWriter w = TiffStreamWriter.create(f, 4, 4, PixelType.F32, StackMetadata.of(PixelType.F32))) {
            w.append(new PixelData.F32(new float[16]));
            String m = rejection(TiffStacks.partialPath(f));
            assertTrue(m.startsWith("not a TIFF file (it starts with the text \"flow\""), m);
        }
    }

    @Test
    void aChannelStackIsReadWithItsChannelsAsFramesThroughTheSameBoundedReader() throws IOException {
        TiffBuilder b = new TiffBuilder();
        u16Page(b, 4, 4, 0).ascii(270, "ImageJ=1.54p\nimages=2\nchannels=2\nhyperstack=true\n");
        u16Page(b, 4, 4, 500);
        Path f = b.write(dir.resolve("2ch.tif"));
        assertTrue(rejection(f).contains("multi-channel stack (channels=2)"));
        TiffStack t = TiffStacks.readChannels(f);
        assertEquals(2, t.stack().frames());
        assertEquals(500 + 15, t.stack().get(1, 3, 3), 0);
        b = new TiffBuilder();
        for (int k = 0; k < 4; k++) {
            TiffBuilder.Page p = u16Page(b, 4, 4, k);
            if (k == 0) {
                p.ascii(270, "ImageJ=1.54p\nimages=4\nchannels=2\nframes=2\nhyperstack=true\n");
            }
        }
        Path ct = b.write(dir.resolve("2ch2t.tif"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.readChannels(ct));
        assertTrue(e.getMessage().contains("one image per channel") && e.getMessage().contains("2 time points"),
                e.getMessage());
        TiffBuilder loop = new TiffBuilder();
        u16Page(loop, 4, 4, 0).nextOverride(TiffBuilder.SELF);
        Path lf = loop.write(dir.resolve("loop2ch.tif"));
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> TiffStacks.readChannels(lf)));
    }
}
