package org.flowscope.methods.magnify;

import org.flowscope.core.image.ImageStack;

/**
 * The fast CPU evaluation of {@link Magnify} behind {@link MagnifyCpuThreaded}: the same taps and weights as the
 * reference ({@link AxisTaps}, from the family's kernels), applied in the other order and in float32. First each input
 * row an output block needs is filtered along the columns into a row of the output's width (a gather of a few taps per
 * output column); then every output row is the weighted sum of a few of those rows, a contiguous multiply-add over
 * the whole row that the JIT compiles to SIMD. The reference filters down the columns first and accumulates in
 * double; the two differ by float32 rounding only (about 1e-7 relative), well inside {@link Magnify#tolerance()}.
 * A tap with index -1 is skipped, never read, as in the reference.
 */
final class FloatTwoPass {
    private FloatTwoPass() {
    }

    /**
     * Output rows {@code from..to-1} of frame {@code f} into {@code out} (the whole output stack, row-major), which
     * must hold zeros there (a new array): the rows are accumulated in place.
     */
    static void rows(MagnifyKernels.Plan plan, ImageStack in, int f, int from, int to, float[] out) {
        AxisTaps ty = plan.rows();
        AxisTaps tx = plan.cols();
        int taps = ty.taps();
        int wm = plan.wm();
        int w = plan.w();
        // the input rows this block reads
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int k = from * taps; k < to * taps; k++) {
            int r = ty.index()[k];
            if (r >= 0) {
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
        }
        int base = (f * plan.hm() + from) * wm;
        if (hi < 0) {
            return;
        }
        float[] src = in.data();
        int frame = in.offset(f);
        float[] up = new float[(hi - lo + 1) * wm];
        int[] ix = tx.index();
        float[] wx = tx.weight();
        int colTaps = tx.taps();
        for (int r = lo; r <= hi; r++) {
            int s = frame + r * w;
            int u = (r - lo) * wm;
            for (int l = 0; l < wm; l++) {
                float acc = 0f;
                for (int t = l * colTaps; t < (l + 1) * colTaps; t++) {
                    int c = ix[t];
                    if (c >= 0) {
                        acc += src[s + c] * wx[t];
                    }
                }
                up[u + l] = acc;
            }
        }
        int[] iy = ty.index();
        float[] wy = ty.weight();
        // each output row is summed in a scratch row that stays in the L1 cache, then written out once
        float[] row = new float[wm];
        for (int i = from; i < to; i++) {
            boolean first = true;
            for (int t = i * taps; t < (i + 1) * taps; t++) {
                int r = iy[t];
                if (r < 0) {
                    continue;
                }
                if (first) {
                    scale(wy[t], up, (r - lo) * wm, row, wm);
                    first = false;
                } else {
                    axpy(wy[t], up, (r - lo) * wm, row, wm);
                }
            }
            if (!first) {
                System.arraycopy(row, 0, out, base + (i - from) * wm, wm);
            }
        }
    }

    /** {@code y[l] = a x[xo + l]} for {@code l < n}. */
    private static void scale(float a, float[] x, int xo, float[] y, int n) {
        for (int l = 0; l < n; l++) {
            y[l] = a * x[xo + l];
        }
    }

    /** {@code y[l] += a x[xo + l]} for {@code l < n}: a loop the JIT vectorises. */
    private static void axpy(float a, float[] x, int xo, float[] y, int n) {
        for (int l = 0; l < n; l++) {
            y[l] += a * x[xo + l];
        }
    }
}
