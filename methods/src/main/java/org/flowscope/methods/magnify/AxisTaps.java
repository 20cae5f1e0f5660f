package org.flowscope.methods.magnify;

import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;

/**
 * The taps of every output position along one axis, for the GPU implementations: which input index each of the
 * {@code taps} taps reads ({@code -1}: none) and its weight, the normalisation of the axis folded in. Computed on the
 * host in double from the family's own {@link Kernel} weights, so a device only sums products; the weights follow the
 * rules of {@link Interpolator} and {@link Magnify} (NanoPyx's truncating nearest neighbour, taps skipped or clamped at
 * the border, 0 for positions outside the image). A normalisation divides by a product of one sum per axis, so
 * folding each axis's factor into its weights gives the reference's value up to float rounding.
 *
 * @param taps    taps per position
 * @param index   {@code positions x taps} input indices, -1 where a tap reads nothing
 * @param weight  {@code positions x taps} weights (0 where the index is -1)
 */
record AxisTaps(int taps, int[] index, float[] weight) {

    /** The taps of {@code positions} on an axis of {@code n} samples. */
    static AxisTaps of(Interpolator ip, double[] positions, int n) {
        Kernel kernel = ip.kernel();
        Border border = ip.border();
        int taps = kernel.taps();
        int[] index = new int[positions.length * taps];
        float[] weight = new float[positions.length * taps];
        java.util.Arrays.fill(index, -1);
        double[] w = new double[taps];
        int[] at = new int[taps];
        for (int i = 0; i < positions.length; i++) {
            double pos = positions[i];
            int o = i * taps;
            if (border == Border.NANOPYX && kernel == Kernel.NEAREST) {
                // NanoPyx truncates toward zero, so (-1, 0) reads sample 0 [quirk]
                int r = (int) pos;
                if (pos > -1 && r >= 0 && r < n) {
                    index[o] = r;
                    weight[o] = 1f;
                }
                continue;
            }
            if (!(pos >= 0 && pos < n)) {
                continue;
            }
            int k0 = kernel.firstTap(pos - 0.5);
            double used = 0;
            double all = 0;
            for (int t = 0; t < taps; t++) {
                int k = k0 + t;
                w[t] = kernel.weight(pos - (k + 0.5));
                at[t] = k >= 0 && k < n ? k : border == Border.NEAREST ? (k < 0 ? 0 : n - 1) : -1;
                all += w[t];
                if (at[t] >= 0) {
                    used += w[t];
                }
            }
            double scale = scale(ip, used, all);
            for (int t = 0; t < taps; t++) {
                if (at[t] >= 0) {
                    index[o + t] = at[t];
                    weight[o + t] = (float) (w[t] * scale);
                }
            }
        }
        return new AxisTaps(taps, index, weight);
    }

    /** The axis's normalisation factor: 1, 1/used or 1/all (0 where the sum is 0, as the family's ratio). */
    private static double scale(Interpolator ip, double used, double all) {
        Normalisation n = ip.normalisation();
        if (n == Normalisation.UNIT_SUM && ip.kernel().sumsToOne()) {
            return 1;
        }
        return switch (n) {
            case NONE -> 1;
            case USED_TAPS -> used == 0 ? 0 : 1 / used;
            case UNIT_SUM -> all == 0 ? 0 : 1 / all;
        };
    }
}
