package org.flowscope.methods.esrrf;

/**
 * The per-frame work of the threaded implementation, split so that several threads can share one frame: the
 * gradient lattice (normalised to unit vectors), the horizontal pass of the image interpolation, then output rows.
 * Holds the per-frame scratch; one instance per frame in flight.
 */
final class EsrrfFrameKernel {
    private final EsrrfPlan plan;
    final float[] nx;
    final float[] ny;
    /** Horizontal pass of the Catmull-Rom magnification: {@code h x wm}. */
    private final float[] rowsInterp;
    private float[] gc;
    private float[] gr;
    private float[] frame;
    private int frameOff;

    EsrrfFrameKernel(EsrrfPlan plan) {
        this.plan = plan;
        int lattice = (2 * plan.h + 1) * plan.lw;
        this.nx = new float[lattice];
        this.ny = new float[lattice];
        this.rowsInterp = plan.weighting ? new float[plan.h * plan.wm] : null;
    }

    EsrrfPlan plan() {
        return plan;
    }

    /** Starts a frame: the Roberts-cross grid (cheap, single-threaded). */
    void begin(float[] data, int off) {
        this.frame = data;
        this.frameOff = off;
        float[][] rc = Lattice.roberts(plan.geo, data, off, plan.h, plan.w);
        gc = rc[0];
        gr = rc[1];
    }

    /** Lattice rows {@code [kFrom, kTo)} as unit gradient vectors, and input rows of the horizontal pass. */
    void prepare(int kFrom, int kTo) {
        Lattice.latticeRows(plan.geo, gc, gr, plan.h, plan.w, plan.m, kFrom, kTo, nx, ny);
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
        }
        if (rowsInterp != null) {
            int rFrom = (int) ((long) kFrom * plan.h / (2 * plan.h + 1));
            int rTo = (int) ((long) kTo * plan.h / (2 * plan.h + 1));
            for (int r = rFrom; r < rTo; r++) {
                int src = frameOff + r * plan.w;
                for (int j = 0; j < plan.wm; j++) {
                    int t = 4 * j;
                    rowsInterp[r * plan.wm + j] = frame[src + plan.tapX[t]] * plan.wX[t]
                            + frame[src + plan.tapX[t + 1]] * plan.wX[t + 1]
                            + frame[src + plan.tapX[t + 2]] * plan.wX[t + 2]
                            + frame[src + plan.tapX[t + 3]] * plan.wX[t + 3];
                }
            }
        }
    }

    /** Output row {@code i} into {@code out[0 .. wm)}; call after every {@link #prepare} range has run. */
    void row(int i, float[] out) {
        EsrrfPlan p = plan;
        if (i < p.margin || i >= p.hm - p.margin) {
            java.util.Arrays.fill(out, 0, p.wm, 0f);
            return;
        }
        int sy = i % p.m;
        int by = p.baseY[i];
        boolean rowInside = p.interiorRow(i);
        int ty = 4 * i;
        for (int j = 0; j < p.wm; j++) {
            if (j < p.margin || j >= p.wm - p.margin) {
                out[j] = 0;
                continue;
            }
            int ph = sy * p.m + j % p.m;
            int bx = p.baseX[j];
            float rgc;
            if (rowInside && p.interiorCol(j)) {
                int base = by * p.lw + bx;
                float acc = 0;
                for (int k = p.start[ph], end = p.start[ph + 1]; k < end; k++) {
                    int li = base + p.dj[k] * p.lw + p.di[k];
                    float gx = nx[li];
                    float gy = ny[li];
                    float ux = p.ux[k];
                    float uy = p.uy[k];
                    if (gx * ux + gy * uy < 0) {
                        acc += p.wt[k] * (1 - Math.abs(gy * ux - gx * uy));
                    }
                }
                rgc = p.wsum[ph] > 0 ? acc / p.wsum[ph] : 0f;
            } else {
                rgc = border(ph, by, bx);
            }
            float intensity = 1f;
            if (rowsInterp != null) {
                intensity = rowsInterp[p.tapY[ty] * p.wm + j] * p.wY[ty]
                        + rowsInterp[p.tapY[ty + 1] * p.wm + j] * p.wY[ty + 1]
                        + rowsInterp[p.tapY[ty + 2] * p.wm + j] * p.wY[ty + 2]
                        + rowsInterp[p.tapY[ty + 3] * p.wm + j] * p.wY[ty + 3];
            }
            out[j] = p.finish(rgc, intensity);
        }
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
