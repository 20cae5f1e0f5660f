package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.FrameShift;

/**
 * The per-frame work of the threaded implementation, split so that several threads can share one frame: the
 * gradient lattice (normalised to unit vectors), the horizontal pass of the image interpolation, then output rows.
 * Holds the per-frame scratch; one instance per frame in flight.
 */
final class EsrrfFrameKernel {
    private final EsrrfPlan plan;
    final float[] nx;
    final float[] ny;
    /**
     * Unit gradients with each lattice row stored as its even columns then its odd columns: the pixels of one
     * phase read lattice columns two apart, which this layout makes contiguous.
     */
    private final float[] splitX;
    private final float[] splitY;
    /** Horizontal pass of the Catmull-Rom magnification: {@code h x wm}. */
    private final float[] rowsInterp;
    private float[] gc;
    private float[] gr;
    private float[] frame;
    private int frameOff;
    private FrameShift shift = FrameShift.ZERO;
    /** The image taps of the current frame: the plan's, or {@link #shiftedTaps} for a shifted frame. */
    private int[] tapX;
    private float[] wX;
    private int[] tapY;
    private float[] wY;
    private final int[] shiftedTapX;
    private final float[] shiftedWX;
    private final int[] shiftedTapY;
    private final float[] shiftedWY;
    private final SeparableLattice lattice;
    private final SampleLoop samples;

    EsrrfFrameKernel(EsrrfPlan plan) {
        this(plan, SampleLoop.SCALAR);
    }

    /** With {@code samples} for the inner loop of interior pixels (e.g. a vectorised one). */
    EsrrfFrameKernel(EsrrfPlan plan, SampleLoop samples) {
        this.plan = plan;
        this.samples = samples;
        int lattice = (2 * plan.h + 1) * plan.lw;
        this.nx = new float[lattice];
        this.ny = new float[lattice];
        // padded so that a vector loop may read a whole last vector past the end of a range (SampleLoop.PAD)
        this.splitX = new float[lattice + SampleLoop.PAD];
        this.splitY = new float[lattice + SampleLoop.PAD];
        this.rowsInterp = plan.weighting ? new float[plan.h * plan.wm] : null;
        this.shiftedTapX = new int[plan.tapX.length];
        this.shiftedWX = new float[plan.wX.length];
        this.shiftedTapY = new int[plan.tapY.length];
        this.shiftedWY = new float[plan.wY.length];
        this.lattice = new SeparableLattice(plan.geo, plan.h, plan.w, plan.m);
        useTaps(FrameShift.ZERO);
    }

    EsrrfPlan plan() {
        return plan;
    }

    /** Scratch floats {@link #row} needs: the sample sums of one phase (padded) and the row's magnified image. */
    int scratchLength() {
        return plan.w + SampleLoop.PAD + plan.wm;
    }

    /**
     * Starts a frame: the Roberts-cross grid (cheap, single-threaded) and, for a frame read {@code shift} away from
     * the usual positions (its drift undone), the image taps of that shift.
     */
    void begin(float[] data, int off, FrameShift shift) {
        this.frame = data;
        this.frameOff = off;
        float[][] rc = Lattice.roberts(plan.geo, data, off, plan.h, plan.w);
        gc = rc[0];
        gr = rc[1];
        useTaps(shift);
        lattice.shift(shift);
    }

    private void useTaps(FrameShift s) {
        this.shift = s;
        if (s.isZero()) {
            tapX = plan.tapX;
            wX = plan.wX;
            tapY = plan.tapY;
            wY = plan.wY;
            return;
        }
        plan.taps(plan.wm, plan.w, s.dx(), shiftedTapX, shiftedWX);
        plan.taps(plan.hm, plan.h, s.dy(), shiftedTapY, shiftedWY);
        tapX = shiftedTapX;
        wX = shiftedWX;
        tapY = shiftedTapY;
        wY = shiftedWY;
    }

    /** Lattice rows {@code [kFrom, kTo)} as unit gradient vectors, and input rows of the horizontal pass. */
    void prepare(int kFrom, int kTo) {
        lattice.rows(gc, gr, kFrom, kTo, new double[lattice.gridColumns()], new double[lattice.gridColumns()], nx, ny);
        for (int i = kFrom * plan.lw; i < kTo * plan.lw; i++) {
            float x = nx[i];
            float y = ny[i];
            float norm = (float) Math.sqrt(x * x + y * y);
            if (norm > 0) {
                nx[i] = x / norm;
                ny[i] = y / norm;
            } else {
                nx[i] = 0;
                ny[i] = 0;
            }
            int si = split(i);
            splitX[si] = nx[i];
            splitY[si] = ny[i];
        }
        if (rowsInterp != null) {
            int rFrom = (int) ((long) kFrom * plan.h / (2 * plan.h + 1));
            int rTo = (int) ((long) kTo * plan.h / (2 * plan.h + 1));
            for (int r = rFrom; r < rTo; r++) {
                int src = frameOff + r * plan.w;
                for (int j = 0; j < plan.wm; j++) {
                    int t = 4 * j;
                    rowsInterp[r * plan.wm + j] = frame[src + tapX[t]] * wX[t]
                            + frame[src + tapX[t + 1]] * wX[t + 1]
                            + frame[src + tapX[t + 2]] * wX[t + 2]
                            + frame[src + tapX[t + 3]] * wX[t + 3];
                }
            }
        }
    }

    /** Index in the split layout of lattice index {@code li}. */
    private int split(int li) {
        int k = li / plan.lw;
        int l = li - k * plan.lw;
        return k * plan.lw + ((l & 1) == 0 ? l >> 1 : plan.w + 1 + (l >> 1));
    }

    /**
     * Output row {@code i} into {@code out[0 .. wm)}; {@code scratch} holds at least {@link #scratchLength()} floats.
     * Call after every {@link #prepare} range has run. The sample loop runs per phase and per sample over the columns of that
     * phase, so that the sample's direction and weight stay in registers and the gradient reads are contiguous.
     */
    void row(int i, float[] out, float[] scratch) {
        EsrrfPlan p = plan;
        java.util.Arrays.fill(out, 0, p.wm, 0f);
        if (i < p.margin || i >= p.hm - p.margin) {
            return;
        }
        intensities(i, scratch, p.w + SampleLoop.PAD);
        int sy = i % p.m;
        int by = p.baseY[i];
        boolean rowInside = p.interiorRow(i);
        for (int sx = 0; sx < p.m; sx++) {
            int ph = sy * p.m + sx;
            // columns j = q M + sx with q in [qLo, qHi) have all samples inside the lattice
            int qLo = rowInside ? p.interiorLo[sx] : 0;
            int qHi = rowInside ? p.interiorHi[sx] : 0;
            if (qHi > qLo) {
                java.util.Arrays.fill(scratch, qLo, qHi, 0f);
                int l0 = p.baseX[sx];
                for (int k = p.start[ph], end = p.start[ph + 1]; k < end; k++) {
                    int l = l0 + p.di[k];
                    int rowStart = (by + p.dj[k]) * p.lw;
                    int s0 = rowStart + ((l & 1) == 0 ? l >> 1 : p.w + 1 + (l >> 1));
                    float ux = p.ux[k];
                    float uy = p.uy[k];
                    float wk = p.wt[k];
                    samples.add(splitX, splitY, s0, scratch, qLo, qHi, ux, uy, wk);
                }
                for (int q = qLo; q < qHi; q++) {
                    int j = q * p.m + sx;
                    out[j] = p.finish(p.wsum[ph] > 0 ? scratch[q] / p.wsum[ph] : 0f, rowIntensity(scratch, j));
                }
            }
            for (int q = 0; q < p.w; q++) {
                if (q >= qLo && q < qHi) {
                    continue;
                }
                int j = q * p.m + sx;
                if (j < p.margin || j >= p.wm - p.margin) {
                    continue;
                }
                out[j] = p.finish(border(ph, by, p.baseX[j]), rowIntensity(scratch, j));
            }
        }
    }

    /** The magnified image along output row {@code i} into {@code dst[off .. off + wm)} (1 without weighting). */
    private void intensities(int i, float[] dst, int off) {
        int wm = plan.wm;
        if (rowsInterp == null) {
            java.util.Arrays.fill(dst, off, off + wm, 1f);
            return;
        }
        int ty = 4 * i;
        int r0 = tapY[ty] * wm;
        int r1 = tapY[ty + 1] * wm;
        int r2 = tapY[ty + 2] * wm;
        int r3 = tapY[ty + 3] * wm;
        float w0 = wY[ty];
        float w1 = wY[ty + 1];
        float w2 = wY[ty + 2];
        float w3 = wY[ty + 3];
        float[] r = rowsInterp;
        for (int j = 0; j < wm; j++) {
            dst[off + j] = r[r0 + j] * w0 + r[r1 + j] * w1 + r[r2 + j] * w2 + r[r3 + j] * w3;
        }
    }

    private float rowIntensity(float[] scratch, int j) {
        return scratch[plan.w + SampleLoop.PAD + j];
    }

    /** A pixel whose samples leave the lattice: validity per sample, NanoPyx's clamp, its own weight sum. */
    private float border(int ph, int by, int bx) {
        EsrrfPlan p = plan;
        float acc = 0;
        float wsum = 0;
        for (int k = p.start[ph], end = p.start[ph + 1]; k < end; k++) {
            int ky = by + p.dj[k];
            int kx = bx + p.di[k];
            if (ky < p.kMin || ky > p.kyMax || kx < p.kMin || kx > p.kxMax) {
                continue;
            }
            int li = Math.min(ky, 2 * p.h) * p.lw + Math.min(kx, 2 * p.w);
            float gx = nx[li];
            float gy = ny[li];
            wsum += p.wt[k];
            if (gx * p.ux[k] + gy * p.uy[k] < 0) {
                acc += p.wt[k] * (1 - Math.abs(gy * p.ux[k] - gx * p.uy[k]));
            }
        }
        return wsum > 0 ? acc / wsum : 0f;
    }
}
