package org.flowscope.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.PlainTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffStacksTest {
    @TempDir
    Path dir;

    private static ImageStack ramp(int frames, int h, int w) {
        ImageStack s = ImageStack.zeros(frames, h, w);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = (i * 7) % 4000 + 0.25f;
        }
        return s;
    }

    @Test
    void roundTripsFloat32WithPixelSizeAndFrameInterval() {
        ImageStack s = ramp(5, 6, 7);
        Path f = dir.resolve("a.tif");
        TiffStacks.writeF32(f, s, StackMetadata.of(PixelType.F32, 108.0, 50.0));
        TiffStack back = TiffStacks.read(f);
        assertEquals(5, back.stack().frames());
        assertEquals(6, back.stack().height());
        assertEquals(7, back.stack().width());
        assertArrayEquals(s.data(), back.stack().data());
        assertEquals(PixelType.F32, back.metadata().pixelType());
        assertEquals(108.0, back.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        assertEquals(50.0, back.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        assertFalse(Files.exists(TiffStacks.partialPath(f)));
    }

    @Test
    void roundTripsU16RoundingToNearest() {
        ImageStack s = ramp(3, 4, 5);
        Path f = dir.resolve("b.tif");
        TiffStacks.writeU16(f, s, StackMetadata.of(PixelType.U16));
        TiffStack back = TiffStacks.read(f);
        assertEquals(PixelType.U16, back.metadata().pixelType());
        assertTrue(back.metadata().pixelSizeNm().isEmpty());
        for (int i = 0; i < s.data().length; i++) {
            assertEquals(Math.round(s.data()[i]), back.stack().data()[i], 0.0);
        }
    }

    @Test
    void singleFrameRoundTrips() {
        ImageStack s = ramp(1, 8, 8);
        Path f = dir.resolve("one.tif");
        TiffStacks.writeF32(f, s, StackMetadata.of(PixelType.F32, 100, 0));
        assertArrayEquals(s.data(), TiffStacks.read(f).stack().data());
    }

    @Test
    void rejectsU16OutOfRangeAndLeavesNoFile() {
        ImageStack s = ramp(2, 4, 4);
        s.data()[17] = 70000f;
        Path f = dir.resolve("c.tif");
        var e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.writeU16(f, s, StackMetadata.of(PixelType.U16)));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
        assertFalse(Files.exists(f));
        assertFalse(Files.exists(TiffStacks.partialPath(f)));
    }

    @Test
    void streamWriterOutputReadsBackWithMetadata() {
        Path f = dir.resolve("raw.tif");
        int w = 9;
        int h = 5;
        try (TiffStreamWriter wr = TiffStreamWriter.create(f, w, h, PixelType.U16, StackMetadata.of(PixelType.U16, 65, 10))) {
            for (int k = 0; k < 4; k++) {
                short[] px = new short[w * h];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (short) (60000 + k * 100 + i);
                }
                wr.append(new PixelData.U16(px));
            }
            assertFalse(Files.exists(f), "final name appears only after finish");
            wr.finish();
        }
        TiffStack back = TiffStacks.read(f);
        assertEquals(4, back.stack().frames());
        assertEquals(60000 + 300 + 44, back.stack().get(3, 4, 8), 0.0);
        assertEquals(65.0, back.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        assertEquals(10.0, back.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        assertFalse(Files.exists(TiffStacks.partialPath(f)));
    }

    @Test
    void imageJOpensBothWritersOutputAsTimeSeriesWithCalibration() {
        Path a = dir.resolve("stream.tif");
        try (TiffStreamWriter wr = TiffStreamWriter.create(a, 6, 4, PixelType.F32, StackMetadata.of(PixelType.F32, 250, 40))) {
            for (int k = 0; k < 3; k++) {
                float[] px = new float[24];
                java.util.Arrays.fill(px, k + 0.5f);
                wr.append(new PixelData.F32(px));
            }
            wr.finish();
        }
        Path b = dir.resolve("whole.tif");
        TiffStacks.writeU16(b, ramp(3, 4, 6), StackMetadata.of(PixelType.U16, 250, 40));
        for (Path p : new Path[] {a, b}) {
            ij.ImagePlus imp = new ij.io.Opener().openImage(p.toString());
            assertEquals(3, imp.getNFrames(), p.toString());
            assertEquals(1, imp.getNSlices());
            assertEquals(6, imp.getWidth());
            assertEquals(0.25, imp.getCalibration().pixelWidth, 1e-6);
            String unit = imp.getCalibration().getUnit();
            assertTrue(unit.equals("micron") || unit.equals("\u00b5m"), unit);
            assertEquals(0.04, imp.getCalibration().frameInterval, 1e-9);
        }
        ij.ImagePlus imp = new ij.io.Opener().openImage(a.toString());
        assertEquals(2.5f, imp.getStack().getProcessor(3).getf(5, 3), 0);
    }

    @Test
    void streamWriterClosedWithoutFinishLeavesNothing() {
        Path f = dir.resolve("aborted.tif");
        try (TiffStreamWriter wr = TiffStreamWriter.create(f, 4, 4, PixelType.F32, StackMetadata.of(PixelType.F32))) {
            wr.append(new PixelData.F32(new float[16]));
        }
        assertFalse(Files.exists(f));
        assertFalse(Files.exists(TiffStacks.partialPath(f)));
    }

    @Test
    void readsPlainBigEndianMultiPageWithGaps() throws IOException {
        Path f = dir.resolve("plain.tif");
        PlainTiff.writeU16Ramp(f, 6, 4, 3);
        try (TiffStackReader r = TiffStackReader.open(f)) {
            assertEquals(3, r.frameCount());
            assertEquals(PixelType.U16, r.pixelType());
            short[] px = ((PixelData.U16) r.readFrame(2)).pixels();
            assertEquals(2000 + 23, px[23]);
        }
    }

    @Test
    void rejectsNanPixelsNamingThePosition() throws IOException {
        Path f = dir.resolve("nan.tif");
        float[] v = new float[2 * 4 * 4];
        v[16 + 5] = Float.NaN;
        PlainTiff.writeF32(f, 4, 4, 2, v);
        var e = assertThrows(IllegalArgumentException.class, () -> TiffStacks.read(f));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("frame 1, row 1, column 1"), e.getMessage());
    }
}
