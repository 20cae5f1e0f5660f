package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.junit.jupiter.api.Test;

class DriftEstimatorTest {
    private static final int H = 96;
    private static final int W = 96;
    private final DriftEstimator estimator = new DriftEstimator(ShiftMeasurer.reference());

    /** Random walk plus a linear trend, frame 0 at the origin. */
    static double[][] randomDrift(long seed, int n, double step, double trendX, double trendY) {
        Random r = new Random(seed);
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int t = 1; t < n; t++) {
            dx[t] = dx[t - 1] + trendX + step * r.nextGaussian();
            dy[t] = dy[t - 1] + trendY + step * r.nextGaussian();
        }
        return new double[][] {dx, dy};
    }

    static double rms(DriftTable est, double[] dx, double[] dy) {
        double s = 0;
        for (int t = 0; t < dx.length; t++) {
            s += Math.pow(est.dx(t) - dx[t], 2) + Math.pow(est.dy(t) - dy[t], 2);
        }
        return Math.sqrt(s / (2 * dx.length));
    }

    private static ImageStack simulate(double[][] d, long seed) {
        BeadRenderer beads = new BeadRenderer(seed, 70, H, W, 1.5, 8, 4);
        return beads.stack(H, W, d[0], d[1], 50, new Random(seed + 1));
    }

    @Test
    void firstFrameReferenceRecoversRandomDriftWithinFiveHundredthsRms() {
        double[][] d = randomDrift(1, 24, 0.4, 0.1, -0.08);
        DriftTable est = estimator.estimate(simulate(d, 11), null, DriftParams.defaults());
        double rms = rms(est, d[0], d[1]);
        assertTrue(rms <= 0.05, "RMS error " + rms + " px");
        assertEquals(0, est.dx(0), 0);
        assertEquals(0, est.dy(0), 0);
    }

    @Test
    void previousFrameReferenceAccumulatesStepsWithinFiveHundredthsRms() {
        double[][] d = randomDrift(2, 24, 0.4, -0.1, 0.05);
        DriftTable est = estimator.estimate(simulate(d, 12), null, new DriftParams(DriftReference.PREVIOUS, 1, 0, 0));
        double rms = rms(est, d[0], d[1]);
        assertTrue(rms <= 0.05, "RMS error " + rms + " px");
    }

    @Test
    void timeAveragingInterpolatesSmoothDriftBetweenBlocks() {
        int n = 60;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            dx[t] = 0.06 * t + 0.8 * Math.sin(t / 12.0);
            dy[t] = -0.04 * t + 0.5 * (1 - Math.cos(t / 15.0));
        }
        DriftTable est = estimator.estimate(simulate(new double[][] {dx, dy}, 13), null,
                new DriftParams(DriftReference.FIRST, 6, 0, 0));
        double rms = rms(est, dx, dy);
        assertTrue(rms <= 0.05, "RMS error " + rms + " px");
    }

    @Test
    void givenReferenceGivesAbsoluteDrift() {
        double[][] d = randomDrift(3, 8, 0.5, 0.3, 0.2);
        for (int t = 0; t < d[0].length; t++) {
            d[0][t] += 1.25;
            d[1][t] -= 0.75;
        }
        BeadRenderer beads = new BeadRenderer(14, 70, H, W, 1.5, 8, 4);
        ImageStack stack = beads.stack(H, W, d[0], d[1], 50, new Random(15));
        ImageStack ref = ImageStack.ofImage(H, W, beads.render(H, W, 0, 0, 50, new Random(16)));
        DriftTable est = estimator.estimate(stack, ref, new DriftParams(DriftReference.GIVEN, 1, 0, 0));
        assertTrue(rms(est, d[0], d[1]) <= 0.05, "RMS " + rms(est, d[0], d[1]));
        assertEquals(1.25, est.dx(0), 0.06);
    }

    @Test
    void maxShiftLimitKeepsEstimatesInsideTheWindow() {
        double[] dx = {0, 0.5, 1.0, 1.5};
        double[] dy = {0, -0.5, -1.0, -1.5};
        DriftTable est = estimator.estimate(simulate(new double[][] {dx, dy}, 17), null,
                new DriftParams(DriftReference.FIRST, 1, 3, 0));
        assertEquals(1.5, est.dx(3), 0.05);
        assertEquals(-1.5, est.dy(3), 0.05);
    }

    @Test
    void rejectsSingleFrameStack() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(ImageStack.zeros(1, 16, 16), null, DriftParams.defaults()));
        assertTrue(e.getMessage().contains("at least 2 frames"), e.getMessage());
    }

    @Test
    void rejectsTimeAveragingThatLeavesOneBlock() {
        var e = assertThrows(IllegalArgumentException.class, () -> estimator.estimate(ImageStack.zeros(10, 16, 16), null,
                new DriftParams(DriftReference.FIRST, 10, 0, 0)));
        assertTrue(e.getMessage().contains("fewer than 2 blocks"), e.getMessage());
    }

    @Test
    void rejectsMaxShiftLargerThanImage() {
        var e = assertThrows(IllegalArgumentException.class, () -> estimator.estimate(ImageStack.zeros(3, 16, 16), null,
                new DriftParams(DriftReference.FIRST, 1, 40, 0)));
        assertTrue(e.getMessage().contains("max shift 40"), e.getMessage());
    }

    @Test
    void rejectsGivenReferenceOfOtherSize() {
        var e = assertThrows(IllegalArgumentException.class, () -> estimator.estimate(ImageStack.zeros(3, 16, 16),
                ImageStack.zeros(1, 16, 8), new DriftParams(DriftReference.GIVEN, 1, 0, 0)));
        assertTrue(e.getMessage().contains("16x16"), e.getMessage());
    }
}
