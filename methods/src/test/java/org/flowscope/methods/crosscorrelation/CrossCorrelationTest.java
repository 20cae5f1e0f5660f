package org.flowscope.methods.crosscorrelation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.junit.jupiter.api.Test;

class CrossCorrelationTest {
    private static CcmPeak single(float[] ref, float[] frame, int h, int w, double maxShift) {
        return single(ref, frame, h, w, new CrossCorrelationParams(maxShift, false));
    }

    private static CcmPeak single(float[] ref, float[] frame, int h, int w, CrossCorrelationParams params) {
        CrossCorrelationInput in = new CrossCorrelationInput(ImageStack.ofImage(h, w, frame), ImageStack.ofImage(h, w, ref));
        return CrossCorrelationCpu.compute(params, in).peaks().get(0);
    }

    @Test
    void findsSubPixelShiftOfNoiselessBeadsOnNonSquareImagesOfAnySize() {
        // 48x60 is 2,3,5-smooth (exact FFT, Fourier refinement); 45x62 is padded to 45x64 (Lanczos refinement)
        int[][] sizes = {{48, 60}, {45, 62}};
        double[] tolerance = {0.002, 0.008};
        for (int k = 0; k < sizes.length; k++) {
            int h = sizes[k][0];
            int w = sizes[k][1];
            BeadRenderer beads = new BeadRenderer(7, 25, h, w, 1.4, 5);
            float[] ref = beads.render(h, w, 0, 0, 100, null);
            double[][] shifts = {{0.37, -1.23}, {-2.81, 0.5}, {0.02, 0.98}, {3.5, -3.5}};
            for (double[] s : shifts) {
                float[] f = beads.render(h, w, s[0], s[1], 100, null);
                String what = h + "x" + w + " shift (" + s[0] + ", " + s[1] + ")";
                CcmPeak p = single(ref, f, h, w, new CrossCorrelationParams(0, 2, 1.0, false));
                assertEquals(s[0], p.dx(), tolerance[k], "dx " + what);
                assertEquals(s[1], p.dy(), tolerance[k], "dy " + what);
                CcmPeak onePass = single(ref, f, h, w, 0);
                assertEquals(s[0], onePass.dx(), 0.01, "dx, default single refinement, " + what);
                assertEquals(s[1], onePass.dy(), 0.01, "dy, default single refinement, " + what);
                CcmPeak plain = single(ref, f, h, w, new CrossCorrelationParams(0, 0, 1.0, false));
                assertTrue(Math.hypot(plain.dx() - s[0], plain.dy() - s[1]) < 0.2, "plain map maximum is close, " + what);
                assertTrue(p.value() > 0.8 && p.value() <= 1.01, "peak value in Pearson units: " + p.value());
            }
        }
    }

    @Test
    void identicalImagesGivePeakOneAtZero() {
        BeadRenderer beads = new BeadRenderer(3, 10, 32, 32, 1.5, 0);
        float[] ref = beads.render(32, 32, 0, 0, 10, new Random(1));
        CcmPeak p = single(ref, ref.clone(), 32, 32, 0);
        assertEquals(0, p.dx(), 1e-6);
        assertEquals(0, p.dy(), 1e-6);
        assertEquals(1.0, p.value(), 1e-6);
    }

    @Test
    void mapPeaksAtCentrePlusShiftAndIsInPearsonUnits() {
        int h = 40;
        int w = 40;
        BeadRenderer beads = new BeadRenderer(11, 15, h, w, 1.5, 0);
        float[] ref = beads.render(h, w, 0, 0, 50, null);
        float[] f = beads.render(h, w, 3, -2, 50, null);
        CrossCorrelationInput in = new CrossCorrelationInput(ImageStack.ofImage(h, w, f), ImageStack.ofImage(h, w, ref));
        ImageStack map = CrossCorrelationCpu.compute(new CrossCorrelationParams(0, true), in).maps();
        int best = 0;
        for (int i = 1; i < map.data().length; i++) {
            if (map.data()[i] > map.data()[best]) {
                best = i;
            }
        }
        assertEquals(h / 2 - 2, best / w);
        assertEquals(w / 2 + 3, best % w);
        double pearson = Pearson.overlap(ref, 0, f, 0, h, w, -2, 3);
        assertEquals(pearson, map.data()[best], 1e-5);
    }

    @Test
    void maxShiftLimitIgnoresStrongerPeakOutsideWindow() {
        int h = 64;
        int w = 64;
        BeadRenderer beads = new BeadRenderer(5, 30, h, w, 1.5, 0);
        float[] ref = beads.render(h, w, 0, 0, 10, null);
        float[] f = beads.render(h, w, 12.3, 0, 10, null);
        assertEquals(12.3, single(ref, f, h, w, 0).dx(), 0.02);
        CcmPeak limited = single(ref, f, h, w, 4);
        assertTrue(Math.abs(limited.dx()) <= 5, "peak searched within 4 px, got " + limited.dx());
    }

    @Test
    void noisyShiftAtLowSnrIsAccurateToUnderATenthOfAPixel() {
        int h = 64;
        int w = 64;
        BeadRenderer beads = new BeadRenderer(21, 30, h, w, 1.5, 5);
        Random noise = new Random(2);
        double sum = 0;
        int n = 20;
        Random shifts = new Random(9);
        for (int i = 0; i < n; i++) {
            double dx = 4 * shifts.nextDouble() - 2;
            double dy = 4 * shifts.nextDouble() - 2;
            float[] ref = beads.render(h, w, 0, 0, 100, noise);
            CcmPeak p = single(ref, beads.render(h, w, dx, dy, 100, noise), h, w, 0);
            sum += (p.dx() - dx) * (p.dx() - dx) + (p.dy() - dy) * (p.dy() - dy);
        }
        double rms = Math.sqrt(sum / (2 * n));
        assertTrue(rms < 0.09, "RMS error " + rms);
    }

    @Test
    void rejectsReferenceOfOtherSize() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CrossCorrelationInput(ImageStack.zeros(2, 8, 8), ImageStack.zeros(1, 8, 9)));
        assertTrue(e.getMessage().contains("8x8"), e.getMessage());
    }

    @Test
    void rejectsShiftLimitLargerThanImage() {
        CrossCorrelationInput in = new CrossCorrelationInput(ImageStack.zeros(1, 16, 16), ImageStack.zeros(1, 16, 16));
        var e = assertThrows(IllegalArgumentException.class, () -> CrossCorrelationCpu.compute(new CrossCorrelationParams(20, false), in));
        assertTrue(e.getMessage().contains("maxShiftPx"), e.getMessage());
    }
}
