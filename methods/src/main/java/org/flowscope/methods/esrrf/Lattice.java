package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.FrameShift;

/**
 * The half-pixel sample lattice shared by every eSRRF implementation.
 *
 * <p>RGC reads gradients only at lattice points {@code k/2} (input pixels), {@code k = 0 .. 2H}: NanoPyx magnifies
 * the gradients by 2M but then reads index {@code v M 2 = k M} of that grid, i.e. the Catmull-Rom value at
 * {@code k/2}. So the lattice of {@code (2H+1) x (2W+1)} gradient values holds everything RGC needs; the last row
 * and column hold, in NANOPYX geometry, the value NanoPyx's index clamp reads ({@code (2HM-1)/(2M)}) and, in
 * CENTRED geometry, the far-edge corners.
 *
 * <p>For output pixel {@code c} (centre {@code xc = (c+0.5)/M}) the lattice samples are {@code k = lo(c) ..
 * hi(c)}, with {@code n = trunc(2 radius)}. NANOPYX: {@code trunc(2 xc) - n .. trunc(2 xc) + n} (NanoPyx's
 * truncation, so the window is lopsided by up to one step); CENTRED: every {@code k} with
 * {@code |k - 2 xc| <= n + 1/2}, a window mirror-symmetric about the pixel centre (2n+1 samples, or 2n+2 when
 * {@code 2 xc} falls half-way between lattice points, which happens at even magnifications).
 */
final class Lattice {
    static final int G = 2;

    private Lattice() {
    }

    /** First lattice index of the sample window of output pixel {@code c}. */
    static int lo(Geometry g, int c, int m, int n) {
        if (g == Geometry.NANOPYX) {
            return (2 * c + 1) / m - n;
        }
        return -Math.floorDiv(-(4 * c + 2 - (2 * n + 1) * m), 2 * m);
    }

    /** Last lattice index (inclusive) of the sample window of output pixel {@code c}. */
    static int hi(Geometry g, int c, int m, int n) {
        if (g == Geometry.NANOPYX) {
            return (2 * c + 1) / m + n;
        }
        return Math.floorDiv(4 * c + 2 + (2 * n + 1) * m, 2 * m);
    }

    /** Smallest lattice index RGC may use: NanoPyx keeps only {@code v > 0}. */
    static int minIndex(Geometry g) {
        return g == Geometry.NANOPYX ? 1 : 0;
    }

    /** Largest lattice index RGC may use along an axis of {@code n} input pixels (before the clamp to 2n). */
    static int maxIndex(Geometry g, int n, int m) {
        return g == Geometry.NANOPYX ? 2 * (n * m - 1) : 2 * n;
    }

    /** Output pixels left 0 at each border: NanoPyx's {@code trunc(radius M)}; none when centred. */
    static int margin(Geometry g, float radius, int m) {
        return g == Geometry.NANOPYX ? (int) (radius * m) : 0;
    }

    /** Offset (input pixels) from the centre of output pixel {@code c} to lattice point {@code k}. */
    static float offset(Geometry g, int k, int c, int m) {
        if (g == Geometry.NANOPYX) {
            return k / 2f - (float) ((c + 0.5) / m);
        }
        return (float) (k / 2.0 - (c + 0.5) / m);
    }

    /**
     * Fills {@code gx}, {@code gy} ({@code (2h+1) x (2w+1)}) with the column and row gradients of the
     * {@code h x w} frame at {@code frame[off ..]} on the lattice, read at lattice point plus {@code shift} (see
     * {@link #latticeRows}).
     */
    static void gradients(Geometry g, float[] frame, int off, int h, int w, int m, FrameShift shift, float[] gx,
            float[] gy) {
        float[][] rc = roberts(g, frame, off, h, w);
        latticeRows(g, rc[0], rc[1], h, w, m, shift, 0, 2 * h + 1, gx, gy);
    }

    /**
     * Roberts cross: NANOPYX at the h x w pixels (index clamp at the top/left border); CENTRED at the
     * (h+1) x (w+1) corners of the edge-replicated frame (corner (a, b) sits at continuous (a, b)).
     */
    static float[][] roberts(Geometry g, float[] frame, int off, int h, int w) {
        int gh = g == Geometry.NANOPYX ? h : h + 1;
        int gw = g == Geometry.NANOPYX ? w : w + 1;
        float[] gc = new float[gh * gw];
        float[] gr = new float[gh * gw];
        for (int a = 0; a < gh; a++) {
            int r1 = Math.min(a, h - 1);
            int r0 = Math.max(a - 1, 0);
            for (int b = 0; b < gw; b++) {
                int c1 = Math.min(b, w - 1);
                int c0 = Math.max(b - 1, 0);
                float p = frame[off + r1 * w + c1];
                float q = frame[off + r1 * w + c0];
                float u = frame[off + r0 * w + c1];
                float v = frame[off + r0 * w + c0];
                gc[a * gw + b] = (p - q) + (u - v);
                gr[a * gw + b] = (p - u) + (q - v);
            }
        }
        return new float[][] {gc, gr};
    }

    /**
     * Lattice rows {@code [kFrom, kTo)} of the gradients from the Roberts-cross grids of {@link #roberts}. Each
     * lattice point is read {@code shift} input pixels away from where it sits: the gradients of the frame moved
     * back by its drift, from the one interpolation that eSRRF does anyway (zero shift: the plain lattice).
     */
    static void latticeRows(Geometry g, float[] gc, float[] gr, int h, int w, int m, FrameShift shift, int kFrom,
            int kTo, float[] gx, float[] gy) {
        int lw = 2 * w + 1;
        double[] ys = new double[kTo - kFrom];
        double[] xs = new double[lw];
        if (g == Geometry.NANOPYX) {
            for (int k = kFrom; k < kTo; k++) {
                ys[k - kFrom] = (double) (k < 2 * h ? k / 2f : (2 * h * m - 1) / (float) (2 * m)) + shift.dy();
            }
            for (int l = 0; l <= 2 * w; l++) {
                xs[l] = (double) (l < 2 * w ? l / 2f : (2 * w * m - 1) / (float) (2 * m)) + shift.dx();
            }
            g.interpolator().grid(gc, 0, h, w, ys, xs, gx, kFrom * lw);
            g.interpolator().grid(gr, 0, h, w, ys, xs, gy, kFrom * lw);
            return;
        }
        // corner a is stored as element a, which the kernel places at a + 0.5
        for (int k = kFrom; k < kTo; k++) {
            ys[k - kFrom] = k / 2.0 + 0.5 + shift.dy();
        }
        for (int l = 0; l <= 2 * w; l++) {
            xs[l] = l / 2.0 + 0.5 + shift.dx();
        }
        g.interpolator().grid(gc, 0, h + 1, w + 1, ys, xs, gx, kFrom * lw);
        g.interpolator().grid(gr, 0, h + 1, w + 1, ys, xs, gy, kFrom * lw);
    }
}
