package org.flowscope.methods.nlm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The weighted sums {@code Σ weight · value} and {@code Σ weight} that one band of rows contributes to a frame, for
 * the multi-threaded NLM implementations: a band adds the weights of its pixel pairs to both pixels of each pair,
 * which may lie up to the patch distance below the band, so each band writes private sums over its rows and the
 * rows below, and the caller adds the bands up in order ({@link #addTo}), independently of the thread schedule.
 */
public final class BandSums {
    private final int firstRow;
    private final int rows;
    private final int width;
    private final float[] num;
    private final float[] den;
    private final float[] scratch;

    /** The sums of one band of rows {@code [r0, r1)}. */
    @FunctionalInterface
    public interface Band {
        BandSums compute(int r0, int r1);
    }

    /**
     * Runs {@code bands} bands of a {@code h x w} frame on {@code pool} and writes {@code Σ weight · value / Σ weight}
     * to {@code out[at ...]}; the bands' sums are added in band order.
     */
    public static void run(ForkJoinPool pool, int bands, int h, int w, Band band, float[] out, int at) {
        List<ForkJoinTask<BandSums>> tasks = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int r0 = b * h / bands;
            int r1 = (b + 1) * h / bands;
            tasks.add(pool.submit(() -> band.compute(r0, r1)));
        }
        float[] num = new float[h * w];
        float[] den = new float[h * w];
        for (ForkJoinTask<BandSums> t : tasks) {
            t.join().addTo(num, den);
        }
        for (int i = 0; i < h * w; i++) {
            out[at + i] = num[i] / den[i];
        }
    }

    /** Sums for image rows {@code [firstRow, firstRow + rows)} of a {@code width}-wide frame, all zero. */
    public BandSums(int firstRow, int rows, int width) {
        this.firstRow = firstRow;
        this.rows = rows;
        this.width = width;
        num = new float[rows * width];
        den = new float[rows * width];
        scratch = new float[width];
    }

    /**
     * Adds {@code weight[k] · values[k]} and {@code weight[k]} to pixel {@code (row, col + k)}, k in [0, n). The sums
     * go through an aligned copy so that the loops vectorise (C2 of JDK 17 needs one offset for all accesses).
     */
    public void add(int row, int col, float[] weight, float[] values, int n) {
        int at = (row - firstRow) * width + col;
        System.arraycopy(num, at, scratch, 0, n);
        for (int k = 0; k < n; k++) {
            scratch[k] += weight[k] * values[k];
        }
        System.arraycopy(scratch, 0, num, at, n);
        System.arraycopy(den, at, scratch, 0, n);
        for (int k = 0; k < n; k++) {
            scratch[k] += weight[k];
        }
        System.arraycopy(scratch, 0, den, at, n);
    }

    /** Adds weight 1 and the pixel's own value, row {@code row} of {@code values[at ...]}: the pixel as its own candidate. */
    public void addSelf(int row, float[] values, int at) {
        int base = (row - firstRow) * width;
        for (int c = 0; c < width; c++) {
            num[base + c] += values[at + c];
            den[base + c] += 1f;
        }
    }

    /** Adds these sums into whole-frame sums ({@code width}-wide, row-major). */
    public void addTo(float[] allNum, float[] allDen) {
        int at = firstRow * width;
        for (int k = 0; k < rows * width; k++) {
            allNum[at + k] += num[k];
            allDen[at + k] += den[k];
        }
    }
}
