package org.flowscope.simulators.camera;

import java.util.Arrays;

/**
 * What the noise of one band of pixels needs besides the expected photons, per frame: which pixels are not pure
 * background (a list in pixel order, so the planner steps over runs of background in one move), and for each pixel drawn by
 * PTRS ({@link Noise}) its constants, computed by the band's worker, and the number of draws the planner found it
 * takes. Reused from frame to frame; one writer at a time (the band's worker, then the planner).
 */
final class BandNoise {
    private final int from;
    private final int to;
    /** The pixels that are not background, in order (absolute indices), in the first {@link #otherCount} entries. */
    private int[] others = new int[256];
    private int otherCount;
    private int ptrs;
    private double[] a = new double[64];
    private double[] b = new double[64];
    private double[] vr = new double[64];
    private double[] logInvAlpha = new double[64];
    private double[] logLambda = new double[64];
    private int[] draws = new int[64];

    BandNoise(int from, int to) {
        this.from = from;
        this.to = to;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /**
     * Classifies the band's pixels of {@code lambda}: background ({@code == backgroundLambda}) or not, and computes
     * PTRS's constants for the pixels it will draw (means &ge; {@link Noise#PTRS_FROM}), exactly as {@link Noise}
     * computes them.
     */
    void classify(double[] lambda, double backgroundLambda) {
        ptrs = 0;
        otherCount = 0;
        for (int i = from; i < to; i++) {
            double l = lambda[i];
            if (l == backgroundLambda) {
                continue;
            }
            if (otherCount == others.length) {
                others = Arrays.copyOf(others, Math.min(to - from, 2 * others.length));
            }
            others[otherCount++] = i;
            if (l >= Noise.PTRS_FROM) {
                grow();
                double bb = Noise.ptrsB(l);
                a[ptrs] = -0.059 + 0.02483 * bb;
                b[ptrs] = bb;
                vr[ptrs] = Noise.ptrsVr(bb);
                logInvAlpha[ptrs] = Math.log(1.1239 + 1.1328 / (bb - 3.4));
                logLambda[ptrs] = Math.log(l);
                ptrs++;
            }
        }
    }

    private void grow() {
        if (ptrs == a.length) {
            int n = a.length * 2;
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            vr = Arrays.copyOf(vr, n);
            logInvAlpha = Arrays.copyOf(logInvAlpha, n);
            logLambda = Arrays.copyOf(logLambda, n);
            draws = Arrays.copyOf(draws, n);
        }
    }

    /** The pixels that are not background, in order (absolute indices), in the first {@link #otherCount()} entries. */
    int[] others() {
        return others;
    }

    int otherCount() {
        return otherCount;
    }

    int ptrsPixels() {
        return ptrs;
    }

    double a(int p) {
        return a[p];
    }

    double b(int p) {
        return b[p];
    }

    double vr(int p) {
        return vr[p];
    }

    double logInvAlpha(int p) {
        return logInvAlpha[p];
    }

    double logLambda(int p) {
        return logLambda[p];
    }

    /** Records what the planner found for the p-th PTRS pixel: the draws it takes (its accepted pair is the last two). */
    void planned(int p, int taken) {
        draws[p] = taken;
    }

    int[] draws() {
        return draws;
    }
}
