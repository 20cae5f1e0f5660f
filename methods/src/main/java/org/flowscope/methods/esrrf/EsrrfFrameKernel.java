package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.FrameShift;

/**
 * The per-frame work of the threaded implementation, split so that several threads can share one frame: the
 * gradient lattice (normalised to unit vectors), the horizontal pass of the image interpolation, then output rows.
 * Holds the per-frame scratch; one instance per frame in flight.
 *
 * <p>Every output pixel of a phase goes through the one {@link SampleLoop}, border pixels included: the unit
 * gradients are kept in a padded layout where a sample outside the lattice reads a zero gradient (which adds
 * nothing: its dot product is 0) or, in NanoPyx's geometry, the clamped last column; the weight sum of a border
 * pixel counts its valid samples only. That is the per-pixel rule of the reference, without a scalar border path.
 */
final class EsrrfFrameKernel {
    private final EsrrfPlan plan;
    private final float[] nx;
    private final float[] ny;
    /**
     * Unit gradients, each lattice row stored as its even columns then its odd columns (the pixels of one phase read
     * lattice columns two apart, which this layout makes contiguous), each half with {@link #padQ} entries of padding
     * before and after it; see {@link #splitIndex}.
     */
    private final float[] splitX;
    private final float[] splitY;
    /** Entries of padding before and after each half-row of the split layout. */
    private final int padQ;
    /** Length of one half-row including its padding, and of a whole lattice row. */
    private final int half;
    private final int rowLength;
    /** Horizontal pass of the Catmull-Rom magnification: {@code h x wm}. */
    private final float[] rowsInterp;
    private float[] gc;
    private float[] gr;
    private float[] frame;
    private int frameOff;
    private FrameShift shift = FrameShift.ZERO;
    /** The image taps of the current frame: the plan's, or the shifted ones for a shifted frame. */
    private int[] tapX;
    private float[] wX;
    private int[] tapY;
    private float[] wY;
    private final int[] shiftedTapX;
    private final float[] shiftedWX;
    private final int[] shiftedTapY;
    private final float[] shiftedWY;
    private final SampleLoop samples;

    /** With the fastest sample loop of this JVM ({@link SampleLoop#best()}). */
    EsrrfFrameKernel(EsrrfPlan plan) {
        this(plan, SampleLoop.best());
    }

    /** With {@code samples} for the inner loop (e.g. a vectorised one). */
    EsrrfFrameKernel(EsrrfPlan plan, SampleLoop samples) {
        this.plan = plan;
        this.samples = samples;
        int lattice = (2 * plan.h + 1) * plan.lw;
        this.nx = new float[lattice];
        this.ny = new float[lattice];
        // a sample reaches n + 1 lattice columns beyond its pixel's, a vector up to PAD columns past the last pixel
        this.padQ = plan.n + 2 + SampleLoop.PAD;
        this.half = plan.w + 1 + 2 * padQ;
        this.rowLength = 2 * half;
        this.splitX = new float[(2 * plan.h + 1) * rowLength + SampleLoop.PAD];
        this.splitY = new float[splitX.length];
        this.rowsInterp = plan.weighting ? new float[plan.h * plan.wm] : null;
        this.shiftedTapX = new int[plan.tapX.length];
        this.shiftedWX = new float[plan.wX.length];
        this.shiftedTapY = new int[plan.tapY.length];
        this.shiftedWY = new float[plan.wY.length];
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
        Lattice.latticeRows(plan.geo, gc, gr, plan.h, plan.w, plan.m, shift, kFrom, kTo, nx, ny);
        int lw = plan.lw;
        for (int k = kFrom; k < kTo; k++) {
            for (int l = 0; l < lw; l++) {
                int i = k * lw + l;
                float x = nx[i];
                float y = ny[i];
                float norm = (float) Math.sqrt(x * x + y * y);
                float ux = norm > 0 ? x / norm : 0;
                float uy = norm > 0 ? y / norm : 0;
                int si = splitIndex(k, l);
                splitX[si] = ux;
                splitY[si] = uy;
            }
            pad(k);
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

    /** Index in the split layout of lattice point (k, l); l may lie outside the lattice, by up to the padding. */
    private int splitIndex(int k, int l) {
        return k * rowLength + ((l & 1) == 0 ? padQ + (l >> 1) : half + padQ + (l >> 1));
    }

    /**
     * The padding of lattice row {@code k}: zero gradients where samples are not valid (they add nothing): columns
     * below {@code kMin} (NanoPyx's {@code v > 0}) and above {@code kxMax}; beyond the last column, up to
     * {@code kxMax}, NanoPyx's clamp to the last column.
     */
    private void pad(int k) {
        int w2 = 2 * plan.w;
        for (int l = -2 * padQ; l < plan.kMin; l++) {
            put(k, l, 0f, 0f);
        }
        for (int l = plan.kxMax + 1; l <= w2; l++) {
            put(k, l, 0f, 0f);
        }
        float lastX = splitX[splitIndex(k, w2)];
        float lastY = splitY[splitIndex(k, w2)];
        for (int l = w2 + 1; l <= w2 + 2 * padQ; l++) {
            boolean clamped = l <= plan.kxMax;
            put(k, l, clamped ? lastX : 0f, clamped ? lastY : 0f);
        }
    }

    private void put(int k, int l, float x, float y) {
        int si = splitIndex(k, l);
        if (si >= k * rowLength && si < (k + 1) * rowLength) {
            splitX[si] = x;
            splitY[si] = y;
        }
    }

    /**
     * Output row {@code i} into {@code out[0 .. wm)}; {@code scratch} holds at least {@link #scratchLength()} floats.
     * Call after every {@link #prepare} range has run. The sample loop runs per phase and per sample over the columns
     * of that phase, so that the sample's direction and weight stay in registers and the gradient reads are
     * contiguous. A sample whose lattice row is not valid is left out for the whole row; one past the last row is read
     * clamped (NanoPyx); a sample whose column is not valid reads a zero gradient from the padding.
     */
    void row(int i, float[] out, float[] scratch) {
        EsrrfPlan p = plan;
        java.util.Arrays.fill(out, 0, p.wm, 0f);
        if (i < p.margin || i >= p.hm - p.margin) {
            return;
        }
        int io = p.w + SampleLoop.PAD;
        intensities(i, scratch, io);
        int sy = i % p.m;
        int by = p.baseY[i];
        boolean rowInside = p.interiorRow(i);
        for (int sx = 0; sx < p.m; sx++) {
            int ph = sy * p.m + sx;
            int qFirst = p.firstColumn[sx];
            int qLast = p.lastColumn[sx];
            if (qLast <= qFirst) {
                continue;
            }
            java.util.Arrays.fill(scratch, qFirst, qLast, 0f);
            int l0 = p.baseX[sx];
            float ws = rowInside ? p.wsum[ph] : 0;
            for (int k = p.start[ph], end = p.start[ph + 1]; k < end; k++) {
                int ky = by + p.dj[k];
                if (!rowInside) {
                    if (ky < p.kMin || ky > p.kyMax) {
                        continue;
                    }
                    ws += p.wt[k];
                    ky = Math.min(ky, 2 * p.h);
                }
                samples.add(splitX, splitY, splitIndex(ky, l0 + p.di[k]), scratch, qFirst, qLast, p.ux[k], p.uy[k],
                        p.wt[k]);
            }
            int qLo = Math.max(qFirst, p.interiorLo[sx]);
            int qHi = Math.min(qLast, p.interiorHi[sx]);
            if (qHi <= qLo) {
                qLo = qLast;
                qHi = qLast;
            }
            // columns whose samples all lie inside share the row's weight sum; the others count their own
            for (int q = qFirst; q < qLo; q++) {
                finish(out, scratch, q, sx, columnWeights(ph, by, rowInside, p.baseX[q * p.m + sx]));
            }
            if (p.sensitivity > 1 || !p.weighting) {
                for (int q = qLo; q < qHi; q++) {
                    finish(out, scratch, q, sx, ws);
                }
            } else {
                // EsrrfPlan.finish without the power, its invariants in registers: most of the row's pixels
                int m = p.m;
                for (int q = qLo; q < qHi; q++) {
                    int j = q * m + sx;
                    float v = ws > 0 ? scratch[q] / ws : 0f;
                    out[j] = (v < 0 ? 0f : v) * scratch[io + j];
                }
            }
            for (int q = Math.max(qHi, qLo); q < qLast; q++) {
                finish(out, scratch, q, sx, columnWeights(ph, by, rowInside, p.baseX[q * p.m + sx]));
            }
        }
    }

    private void finish(float[] out, float[] scratch, int q, int sx, float ws) {
        int j = q * plan.m + sx;
        out[j] = plan.finish(ws > 0 ? scratch[q] / ws : 0f, scratch[plan.w + SampleLoop.PAD + j]);
    }

    /** The weight sum of a pixel whose samples' columns are not all valid: its valid samples only. */
    private float columnWeights(int ph, int by, boolean rowInside, int bx) {
        EsrrfPlan p = plan;
        float ws = 0;
        for (int k = p.start[ph], end = p.start[ph + 1]; k < end; k++) {
            int ky = by + p.dj[k];
            int kx = bx + p.di[k];
            if ((rowInside || ky >= p.kMin && ky <= p.kyMax) && kx >= p.kMin && kx <= p.kxMax) {
                ws += p.wt[k];
            }
        }
        return ws;
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
}
