package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.FrameShift;
import org.flowscope.methods.magnify.Interpolator;

/**
 * The gradient lattice of {@link Lattice#latticeRows} computed in two separable passes with per-axis tap tables
 * (rows of the Roberts-cross grid first, then columns), in the reference's double arithmetic and summation order,
 * so the values are the same bit for bit; per lattice point that is 8 multiply-adds per gradient instead of 16 plus
 * 8 weight evaluations. Tables depend on the frame's shift ({@link #shift}). One instance per frame in flight; its
 * bands of rows may run on different threads.
 */
final class SeparableLattice {
    private final Geometry geo;
    private final int h;
    private final int w;
    private final int m;
    /** Roberts-cross grid: (h+1) x (w+1) corners (centred) or h x w pixels (NanoPyx). */
    private final int gh;
    private final int gw;
    private final int lw;
    private final int[] rowIdx;
    private final double[] rowW;
    private final int[] colIdx;
    private final double[] colW;

    SeparableLattice(Geometry geo, int h, int w, int m) {
        this.geo = geo;
        this.h = h;
        this.w = w;
        this.m = m;
        this.gh = geo == Geometry.NANOPYX ? h : h + 1;
        this.gw = geo == Geometry.NANOPYX ? w : w + 1;
        this.lw = 2 * w + 1;
        this.rowIdx = new int[4 * (2 * h + 1)];
        this.rowW = new double[rowIdx.length];
        this.colIdx = new int[4 * lw];
        this.colW = new double[colIdx.length];
        shift(FrameShift.ZERO);
    }

    /** Sets the tap tables for a frame read {@code s} away from the usual positions. */
    void shift(FrameShift s) {
        taps(2 * h + 1, h, gh, s.dy(), rowIdx, rowW);
        taps(lw, w, gw, s.dx(), colIdx, colW);
    }

    private void taps(int points, int n, int grid, float shift, int[] idx, double[] wt) {
        for (int k = 0; k < points; k++) {
            double pos;
            boolean outside = false;
            if (geo == Geometry.NANOPYX) {
                float p = (k < 2 * n ? k / 2f : (2 * n * m - 1) / (float) (2 * m)) + shift;
                outside = p < 0 || p >= grid;
                pos = p;
            } else {
                pos = k / 2.0 + 0.5 + shift;
            }
            int r0 = (int) Math.floor(pos - 0.5);
            for (int i = 0; i < 4; i++) {
                int r = r0 - 1 + i;
                if (geo == Geometry.NANOPYX) {
                    boolean skip = outside || r < 0 || r >= grid;
                    idx[4 * k + i] = skip ? 0 : r;
                    wt[4 * k + i] = skip ? 0 : Interpolator.catmullRom(pos - (r + 0.5));
                } else {
                    idx[4 * k + i] = Math.min(Math.max(r, 0), grid - 1);
                    wt[4 * k + i] = Interpolator.catmullRom(pos - (r + 0.5));
                }
            }
        }
    }

    /**
     * Lattice rows {@code [kFrom, kTo)} of both gradients from the grids {@code gc}, {@code gr} into {@code gx},
     * {@code gy}; {@code colsX}, {@code colsY} hold at least {@code gw} doubles of scratch.
     */
    void rows(float[] gc, float[] gr, int kFrom, int kTo, double[] colsX, double[] colsY, float[] gx, float[] gy) {
        for (int k = kFrom; k < kTo; k++) {
            int t = 4 * k;
            int r0 = rowIdx[t] * gw;
            int r1 = rowIdx[t + 1] * gw;
            int r2 = rowIdx[t + 2] * gw;
            int r3 = rowIdx[t + 3] * gw;
            double w0 = rowW[t];
            double w1 = rowW[t + 1];
            double w2 = rowW[t + 2];
            double w3 = rowW[t + 3];
            for (int c = 0; c < gw; c++) {
                double px = 0;
                px += gc[r0 + c] * w0;
                px += gc[r1 + c] * w1;
                px += gc[r2 + c] * w2;
                px += gc[r3 + c] * w3;
                colsX[c] = px;
                double py = 0;
                py += gr[r0 + c] * w0;
                py += gr[r1 + c] * w1;
                py += gr[r2 + c] * w2;
                py += gr[r3 + c] * w3;
                colsY[c] = py;
            }
            int o = k * lw;
            for (int l = 0; l < lw; l++) {
                int s = 4 * l;
                double qx = 0;
                double qy = 0;
                for (int j = 0; j < 4; j++) {
                    qx += colsX[colIdx[s + j]] * colW[s + j];
                    qy += colsY[colIdx[s + j]] * colW[s + j];
                }
                gx[o + l] = (float) qx;
                gy[o + l] = (float) qy;
            }
        }
    }

    /** Columns of the Roberts-cross grid (the scratch length {@link #rows} needs). */
    int gridColumns() {
        return gw;
    }
}
