package org.flowscope.methods.numerics.interpolation;

import java.util.Arrays;

/**
 * The separable evaluation behind {@link Interpolator#grid}: for each row position the image is filtered down every
 * column once (the row taps), then each point combines the filtered values of its column taps. Per point this is
 * exactly the arithmetic of {@link Interpolator#at}, in the same order, so both give identical floats.
 */
final class GridSampler {
    private GridSampler() {
    }

    static void sample(Interpolator ip, float[] img, int off, int rows, int cols, double[] ys, double[] xs, float[] out,
            int outOff) {
        Kernel kernel = ip.kernel();
        Border border = ip.border();
        boolean clipped = border == Border.NANOPYX;
        int taps = kernel.taps();
        int nx = xs.length;
        double[] wc = new double[nx * taps];
        int[] ic = new int[nx * taps];
        double[] usedC = new double[nx];
        double[] allC = new double[nx];
        for (int l = 0; l < nx; l++) {
            usedC[l] = Taps.axis(kernel, border, xs[l], cols, wc, ic, l * taps);
            allC[l] = Taps.sum(wc, l * taps, taps);
        }
        double[] wr = new double[taps];
        int[] ir = new int[taps];
        double[] line = new double[cols];
        for (int k = 0; k < ys.length; k++) {
            int o = outOff + k * nx;
            double y = ys[k];
            if (clipped && (y < 0 || y >= rows)) {
                Arrays.fill(out, o, o + nx, 0f);
                continue;
            }
            double usedR = Taps.axis(kernel, border, y, rows, wr, ir, 0);
            double allR = Taps.sum(wr, 0, taps);
            for (int c = 0; c < cols; c++) {
                line[c] = Taps.column(img, off + c, cols, wr, ir);
            }
            for (int l = 0; l < nx; l++) {
                double x = xs[l];
                if (clipped && (x < 0 || x >= cols)) {
                    out[o + l] = 0f;
                    continue;
                }
                double q = 0;
                for (int j = l * taps; j < (l + 1) * taps; j++) {
                    if (ic[j] >= 0) {
                        q += line[ic[j]] * wc[j];
                    }
                }
                out[o + l] = (float) Taps.normalise(ip.applied(), q, usedR, allR, usedC[l], allC[l]);
            }
        }
    }
}
