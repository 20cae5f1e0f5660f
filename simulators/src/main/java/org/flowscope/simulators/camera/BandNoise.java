package org.flowscope.simulators.camera;

import java.util.Arrays;

/**
 * What the noise of one band of pixels needs besides the expected photons, per frame: which pixels are not pure
 * background (a bitset, so the planner can step over runs of background in one move), and for each pixel drawn by
 * PTRS ({@link Noise}) its constants, computed by the band's worker, and the number of draws the planner found it
 * takes. Reused from frame to frame; one writer at a time (the band's worker, then the planner).
 */
final class BandNoise {
    private final int from;
    private final int to;
    private final long[] other;
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
        this.other = new long[(to - from + 63) >>> 6];
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
        Arrays.fill(other, 0);
        ptrs = 0;
        for (int i = from; i < to; i++) {
            double l = lambda[i];
            if (l == backgroundLambda) {
                continue;
            }
            int r = i - from;
            other[r >>> 6] |= 1L << r;
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

    /** The first pixel at or after {@code i} (absolute) that is not background, or {@link #to()}. */
    int nextOther(int i) {
        int r = i - from;
        int w = r >>> 6;
        if (w >= other.length) {
            return to;
        }
        long word = other[w] & (-1L << r);
        while (word == 0) {
            if (++w == other.length) {
                return to;
            }
            word = other[w];
        }
        return Math.min(to, from + (w << 6) + Long.numberOfTrailingZeros(word));
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
