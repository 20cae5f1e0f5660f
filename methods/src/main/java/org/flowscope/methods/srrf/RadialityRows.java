package org.flowscope.methods.srrf;

import java.util.Arrays;

/**
 * The per-frame work of the threaded implementation for one band of output rows: the gradients of the input rows
 * the band reads, then radiality times intensity row by row. Catmull-Rom is applied separably in NanoPyx's order
 * (down the rows of each column tap, then across): for ring point {@code k} of a row, the gradient rows are filtered
 * vertically once for all columns, then each output pixel reads four filtered values with its tabulated weights.
 * Holds the scratch of one band; one instance per thread.
 */
final class RadialityRows {
    private static final int N = SrrfParams.RING_POINTS;

    private final SrrfPlan plan;
    private final int stripLo;
    private final int stripRows;
    /** Interleaved (gx, gy) of input rows {@code stripLo ..}. */
    private final float[] grad;
    /** Per ring point, the vertically filtered (gx, gy) of every column, padded by {@code plan.pad} each side. */
    private final float[] filtered;
    private final boolean[] rowOutside;
    /** Intensity: the vertical pass of the image taps of one output row. */
    private final float[] column;
    private final int[] tapRows = new int[4];
    private final float[] tapWeights = new float[4];
    private float[] frame;
    private int frameOff;

    /** Scratch for output rows {@code [jFrom, jTo)}. */
    RadialityRows(SrrfPlan plan, int jFrom, int jTo) {
        this.plan = plan;
        int lo = Math.max(0, jFrom / plan.m + plan.minTap);
        int hi = Math.min(plan.h - 1, (jTo - 1) / plan.m + plan.maxTap);
        this.stripLo = Math.min(lo, hi);
        this.stripRows = Math.max(hi - lo + 1, 1);
        this.grad = new float[2 * stripRows * plan.w];
        this.filtered = new float[N * 2 * (plan.w + 2 * plan.pad)];
        this.rowOutside = new boolean[N];
        this.column = new float[plan.w];
    }

    SrrfPlan plan() {
        return plan;
    }

    /** Starts a frame: the gradients of the band's input rows. */
    void frame(float[] data, int off) {
        this.frame = data;
        this.frameOff = off;
        int h = plan.h;
        int w = plan.w;
        boolean nanopyx = plan.geo == Geometry.NANOPYX;
        for (int s = 0; s < stripRows; s++) {
            int r = stripLo + s;
            int rm = Math.max(r - 1, 0);
            int rp = Math.min(r + 1, h - 1);
            for (int c = 0; c < w; c++) {
                int g = 2 * (s * w + c);
                if (nanopyx && (r < 1 || r > h - 2 || c < 1 || c > w - 2)) {
                    grad[g] = 0;
                    grad[g + 1] = 0;
                    continue;
                }
                int cm = Math.max(c - 1, 0);
                int cp = Math.min(c + 1, w - 1);
                grad[g] = -data[off + r * w + cm] + data[off + r * w + cp];
                grad[g + 1] = -data[off + rm * w + c] + data[off + rp * w + c];
            }
        }
    }

    /** Output row {@code j} of the current frame into {@code out[outOff .. outOff + wm)}; 0 in the margins. */
    void row(int j, float[] out, int outOff) {
        SrrfPlan p = plan;
        Arrays.fill(out, outOff, outOff + p.wm, 0f);
        if (j < p.margin || j >= p.hm - p.margin) {
            return;
        }
        filterRows(j);
        boolean nanopyx = p.geo == Geometry.NANOPYX;
        int stride = 2 * (p.w + 2 * p.pad);
        int iFrom = p.margin;
        int iTo = p.wm - p.margin;
        for (int k = 0; k < N; k++) {
            if (rowOutside[k]) {
                continue;
            }
            float ux = p.dxOverR[k];
            float uy = p.dyOverR[k];
            float rx = p.ringX[k];
            float ry = p.ringY[k];
            int base = k * stride + 2 * p.pad;
            for (int i = iFrom; i < iTo; i++) {
                int at = k * p.wm + i;
                if (nanopyx && p.outsideX[at]) {
                    // NanoPyx returns 0 for a query outside the frame: no term
                    continue;
                }
                int v = base + 2 * p.tapX[at];
                int t = 4 * at;
                float w0 = p.wX[t];
                float w1 = p.wX[t + 1];
                float w2 = p.wX[t + 2];
                float w3 = p.wX[t + 3];
                float gx = filtered[v] * w0 + filtered[v + 2] * w1 + filtered[v + 4] * w2 + filtered[v + 6] * w3;
                float gy = filtered[v + 1] * w0 + filtered[v + 3] * w1 + filtered[v + 5] * w2 + filtered[v + 7] * w3;
                float mag = (float) Math.sqrt(gx * gx + gy * gy);
                if (mag == 0) {
                    continue;
                }
                float d = 1 - Math.abs(gy * ux - gx * uy) / mag;
                float dk = d * d;
                // a gradient pointing away from the centre (g . r > 0) subtracts: the sign bit of 0 - dot
                // (0 - 0 and 0 - -0 are +0) flips dk's sign without a data-dependent branch
                int flip = Float.floatToRawIntBits(0f - (gx * rx + gy * ry)) & 0x80000000;
                out[outOff + i] += Float.intBitsToFloat(Float.floatToRawIntBits(dk) ^ flip);
            }
        }
        if (p.weighting) {
            intensityColumn(j);
        }
        for (int i = iFrom; i < iTo; i++) {
            float v = out[outOff + i] / N;
            if (p.positivity) {
                v = Math.max(v, 0f);
            }
            if (p.weighting) {
                int t = 4 * i;
                v *= column[p.imgTapX[t]] * p.imgWX[t] + column[p.imgTapX[t + 1]] * p.imgWX[t + 1]
                        + column[p.imgTapX[t + 2]] * p.imgWX[t + 2] + column[p.imgTapX[t + 3]] * p.imgWX[t + 3];
            }
            out[outOff + i] = v;
        }
    }

    /** The vertical Catmull-Rom pass of the gradients for each ring point of output row {@code j}, padded. */
    private void filterRows(int j) {
        SrrfPlan p = plan;
        boolean nanopyx = p.geo == Geometry.NANOPYX;
        int w = p.w;
        int stride = 2 * (w + 2 * p.pad);
        int[] rows = tapRows;
        float[] wt = tapWeights;
        for (int k = 0; k < N; k++) {
            int at = k * p.hm + j;
            rowOutside[k] = nanopyx && p.outsideY[at];
            if (rowOutside[k]) {
                continue;
            }
            for (int t = 0; t < 4; t++) {
                int r = p.tapY[at] + t;
                boolean inside = r >= 0 && r < p.h;
                wt[t] = nanopyx && !inside ? 0f : p.wY[4 * at + t];
                rows[t] = 2 * (Math.min(Math.max(r, 0), p.h - 1) - stripLo) * w;
            }
            int base = k * stride + 2 * p.pad;
            for (int c = 0; c < 2 * w; c++) {
                filtered[base + c] = grad[rows[0] + c] * wt[0] + grad[rows[1] + c] * wt[1] + grad[rows[2] + c] * wt[2]
                        + grad[rows[3] + c] * wt[3];
            }
            for (int e = 1; e <= p.pad; e++) {
                for (int comp = 0; comp < 2; comp++) {
                    filtered[base - 2 * e + comp] = nanopyx ? 0f : filtered[base + comp];
                    filtered[base + 2 * (w - 1 + e) + comp] = nanopyx ? 0f : filtered[base + 2 * (w - 1) + comp];
                }
            }
        }
    }

    /** The vertical pass of the image's Catmull-Rom taps for output row {@code j}. */
    private void intensityColumn(int j) {
        SrrfPlan p = plan;
        int t = 4 * j;
        int r0 = frameOff + p.imgTapY[t] * p.w;
        int r1 = frameOff + p.imgTapY[t + 1] * p.w;
        int r2 = frameOff + p.imgTapY[t + 2] * p.w;
        int r3 = frameOff + p.imgTapY[t + 3] * p.w;
        float w0 = p.imgWY[t];
        float w1 = p.imgWY[t + 1];
        float w2 = p.imgWY[t + 2];
        float w3 = p.imgWY[t + 3];
        for (int c = 0; c < p.w; c++) {
            column[c] = frame[r0 + c] * w0 + frame[r1 + c] * w1 + frame[r2 + c] * w2 + frame[r3 + c] * w3;
        }
    }
}
