package org.flowscope.methods.magnifyfourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.methods.numerics.interpolation.FourierInterpolation;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.testkit.ConformanceKit;
import org.junit.jupiter.api.Test;

class MagnifyFourierTest {

    private static ImageStack random(long seed, int frames, int h, int w) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[frames * h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        return new ImageStack(frames, h, w, px);
    }

    private static ImageStack spot(int h, int w, double y0, double x0, double sigma) {
        float[] px = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double dy = r + 0.5 - y0;
                double dx = c + 0.5 - x0;
                px[r * w + c] = (float) (10 + 100 * Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma)));
            }
        }
        return ImageStack.ofImage(h, w, px);
    }

    @Test
    void centredUnitMagnificationWithoutShiftIsTheIdentity() {
        for (int[] hw : new int[][] {{13, 9}, {16, 16}, {1, 1}, {2, 7}}) {
            ImageStack in = random(hw[0], 2, hw[0], hw[1]);
            ImageStack out = MagnifyFourierCpu.apply(new MagnifyFourierParams(1, Sampling.CENTRED, 0, 0), in);
            assertArrayEquals(in.data(), out.data(), 1e-3f, hw[0] + "x" + hw[1]);
        }
    }

    @Test
    void centredMagnificationPassesThroughTheInputSamplesAtTheirCentres() {
        // output pixel 3k + 1 of a x3 magnification has its centre at input coordinate k + 0.5, the sample itself
        ImageStack in = random(4, 1, 11, 14);
        ImageStack out = MagnifyFourierCpu.apply(new MagnifyFourierParams(3, Sampling.CENTRED, 0, 0), in);
        for (int r = 0; r < 11; r++) {
            for (int c = 0; c < 14; c++) {
                assertEquals(in.get(0, r, c), out.get(0, 3 * r + 1, 3 * c + 1), 1e-3f, r + "," + c);
            }
        }
    }

    @Test
    void aCentredShiftMovesASpotByTheShiftAndLeavesZerosWhereThereIsNoData() {
        ImageStack in = spot(24, 28, 11.2, 13.7, 2.0);
        float sr = 0.3f;
        float sc = -0.45f;
        ImageStack out = MagnifyFourierCpu.apply(new MagnifyFourierParams(2, Sampling.CENTRED, sr, sc), in);
        double sum = 0;
        double sy = 0;
        double sx = 0;
        for (int r = 0; r < out.height(); r++) {
            for (int c = 0; c < out.width(); c++) {
                double v = Math.max(0, out.get(0, r, c) - 10);
                sum += v;
                sy += v * (r + 0.5);
                sx += v * (c + 0.5);
            }
        }
        assertEquals((11.2 + sr) * 2, sy / sum, 0.02);
        assertEquals((13.7 + sc) * 2, sx / sum, 0.02);
        // the last column's centre (55.5 / 2 + 0.45 = 28.2) is beyond the input: no data there
        for (int r = 0; r < out.height(); r++) {
            assertEquals(0f, out.get(0, r, out.width() - 1), r + "");
        }
    }

    @Test
    void centredFramesAbove256PixelsAreTiledAndAgreeWithTheWholeFrameAwayFromTheSeams() {
        ImageStack in = spot(300, 20, 150.2, 9.7, 6);
        ImageStack tiled = FourierInterpolation.magnifyCentred(in, 2, 0.25, 0);
        float[] whole = middleAlone(in, 2, 0.25);
        double worst = 0;
        // input rows 30..270, inside the middle 256 rows and across the seam of the two tiles (rows 224..255)
        for (int y = 60; y < 540; y++) {
            for (int x = 6; x < 34; x++) {
                worst = Math.max(worst, Math.abs(tiled.get(0, y, x) - whole[y * 40 + x]));
            }
        }
        assertTrue(worst < 0.5, "worst |tiled - whole| = " + worst + " on a 10..110 image");
    }

    /** Input rows 22..277 magnified on their own (256 rows are not tiled), placed where they sit in the 300-row output. */
    private static float[] middleAlone(ImageStack in, int m, double shiftRow) {
        ImageStack middle = new ImageStack(1, 256, 20, java.util.Arrays.copyOfRange(in.data(), 22 * 20, 278 * 20));
        float[] part = FourierInterpolation.magnifyCentred(middle, m, shiftRow, 0).data();
        float[] whole = new float[600 * 40];
        System.arraycopy(part, 0, whole, 44 * 40, part.length);
        return whole;
    }

    @Test
    void nanoPyxGeometryIsNanoPyxsFourierInterpolation() {
        ImageStack in = random(8, 2, 12, 10);
        assertArrayEquals(FourierInterpolation.magnify(in, 4).data(),
                MagnifyFourierCpu.apply(new MagnifyFourierParams(4, Sampling.NANOPYX, 0, 0), in).data());
    }

    @Test
    void threadedEqualsTheReferenceThroughTheKit() {
        MagnifyFourier op = new MagnifyFourier();
        List<ConformanceKit.Case<MagnifyFourierParams, ImageStack>> cases = new ArrayList<>();
        int[][] sizes = {{1, 1}, {7, 5}, {17, 33}, {16, 16}};
        for (int k : new int[] {1, 2, 5, 11, 13, 20}) {
            int[] wh = sizes[k % sizes.length];
            var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 1 + k % 3, k), k);
            cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
        }
        try (CpuDevice cpu = CpuDevice.withCores(2)) {
            ConformanceKit.forImageOutput(op, new MagnifyFourierCpu()).assertConforms(new MagnifyFourierCpuThreaded(), cpu, cases);
        }
    }

    @Test
    void rejectsNonIntegerOrAnisotropicMagnificationsAndANanoPyxShift() {
        var e = assertThrows(IllegalArgumentException.class, () -> MagnifyFourierParams.of(2.5f, 2.5f, Sampling.CENTRED, 0, 0));
        assertTrue(e.getMessage().contains("one integer magnification >= 1") && e.getMessage().contains("x2.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MagnifyFourierParams.of(2f, 3f, Sampling.CENTRED, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> MagnifyFourierParams.of(0f, 0f, Sampling.CENTRED, 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> MagnifyFourierParams.of(2f, 2f, Sampling.NANOPYX, 0.5f, 0));
        assertTrue(e.getMessage().contains("has no shift"), e.getMessage());
    }
}
