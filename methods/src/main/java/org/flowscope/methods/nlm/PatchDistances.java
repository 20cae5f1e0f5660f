package org.flowscope.methods.nlm;

import java.util.Arrays;

/**
 * The classic patch distances of a run of pixels of one output row against the candidates at one offset, with
 * NanoPyx's float32 operations in NanoPyx's order (see {@link Nlm}): for pixel {@code (r, c)} and candidate
 * {@code (i, c + dc)}, {@code D = D + w[a,b] ((P[r+a, c+b] - P[i+a, c+dc+b])² - 2σ²)}, a outer, b inner, starting
 * from 0, and the largest partial sum seen before rows 1 .. s-1 (NanoPyx drops the candidate when it exceeds 5).
 *
 * <p>Why the copies: the JIT (C2 of JDK 17) vectorises a loop only when all its array accesses share one offset, so
 * each tap's shifted row is first copied to an array that starts at the pixel run ({@code System.arraycopy} is a
 * fast intrinsic). Every pixel still gets exactly the operations of a pixel-by-pixel loop. One instance per thread.
 */
final class PatchDistances {
    private final int s;
    private final int wp;
    private final float[] weights;
    private final float var;
    private final float[] rowA;
    private final float[] rowB;
    private final float[] sq;
    private final float[] tap0;
    private final float[] tap1;
    private final float[] tap2;
    private final float[] tap3;
    /** {@code D} of pixel {@code lo + k} at index {@code k} after {@link #compute}. */
    final float[] distance;
    /** The largest partial sum of pixel {@code lo + k} before each of rows 1 .. s-1 (0 if none was larger). */
    final float[] peak;

    /**
     * @param p     parameters
     * @param w     width of the unpadded frame
     * @param pad   padding of the frame in which {@code compute} reads patches (at least {@code p.offset()})
     */
    PatchDistances(NlmParams p, int w, int pad) {
        s = p.patchSize();
        wp = w + 2 * pad;
        weights = p.patchWeights();
        var = p.twoVariance();
        rowA = new float[w + s];
        rowB = new float[w + s];
        sq = new float[w + s];
        tap0 = new float[w];
        tap1 = new float[w];
        tap2 = new float[w];
        tap3 = new float[w];
        distance = new float[w];
        peak = new float[w];
    }

    /**
     * Distances of the {@code n} pixels whose patches start at {@code padded[pStart ...]} (row-major, row length
     * {@code wp}) against the patches starting {@code qStart - pStart} further on.
     */
    void compute(float[] padded, int pStart, int qStart, int n) {
        Arrays.fill(distance, 0, n, 0f);
        Arrays.fill(peak, 0, n, 0f);
        int m = n + s - 1;
        for (int a = 0; a < s; a++) {
            if (a > 0) {
                for (int k = 0; k < n; k++) {
                    peak[k] = Math.max(peak[k], distance[k]);
                }
            }
            System.arraycopy(padded, pStart + a * wp, rowA, 0, m);
            System.arraycopy(padded, qStart + a * wp, rowB, 0, m);
            for (int k = 0; k < m; k++) {
                float t = rowA[k] - rowB[k];
                sq[k] = t * t - var;
            }
            // taps in groups of four per pass over the row: the same additions in the same order, fewer loads and
            // stores of the running sums
            int b = 0;
            for (; b + 4 <= s; b += 4) {
                float w0 = weights[a * s + b];
                float w1 = weights[a * s + b + 1];
                float w2 = weights[a * s + b + 2];
                float w3 = weights[a * s + b + 3];
                System.arraycopy(sq, b, tap0, 0, n);
                System.arraycopy(sq, b + 1, tap1, 0, n);
                System.arraycopy(sq, b + 2, tap2, 0, n);
                System.arraycopy(sq, b + 3, tap3, 0, n);
                for (int k = 0; k < n; k++) {
                    distance[k] = (((distance[k] + w0 * tap0[k]) + w1 * tap1[k]) + w2 * tap2[k]) + w3 * tap3[k];
                }
            }
            for (; b < s; b++) {
                float wab = weights[a * s + b];
                System.arraycopy(sq, b, tap0, 0, n);
                for (int k = 0; k < n; k++) {
                    distance[k] = distance[k] + wab * tap0[k];
                }
            }
        }
    }

    /** Whether NanoPyx's early exit drops the candidate of pixel {@code lo + k}. */
    boolean dropped(int k) {
        return peak[k] > Nlm.CUTOFF;
    }
}
