package org.flowscope.methods.numerics.interpolation;

/**
 * The arithmetic shared by every evaluation of an {@link Interpolator} (points, grids, shifts, warps), so that they
 * compute the same values in the same order.
 */
final class Taps {
    private Taps() {
    }

    /**
     * The taps of continuous position {@code pos} (pixel k centred at k + 0.5) along an axis of {@code n} samples:
     * their weights and the indices they read ({@code -1}: skipped at the border). Returns the sum of the weights
     * of the taps that read the image.
     */
    static double axis(Kernel kernel, Border border, double pos, int n, double[] weights, int[] index, int at) {
        int k0 = kernel.firstTap(pos - 0.5);
        double used = 0;
        for (int t = 0; t < kernel.taps(); t++) {
            int k = k0 + t;
            weights[at + t] = kernel.weight(pos - (k + 0.5));
            index[at + t] = border.index(k, n);
            if (index[at + t] >= 0) {
                used += weights[at + t];
            }
        }
        return used;
    }

    /** The weighted sum down one column ({@code img[col + r * cols]}) over the row taps that read the image. */
    static double column(float[] img, int col, int cols, double[] rowWeights, int[] rowIndex) {
        double p = 0;
        for (int i = 0; i < rowWeights.length; i++) {
            if (rowIndex[i] >= 0) {
                p += img[col + rowIndex[i] * cols] * rowWeights[i];
            }
        }
        return p;
    }

    /** {@code q} rescaled as the normalisation says, from the used and total weight sums of both axes. */
    static double normalise(Normalisation n, double q, double usedR, double allR, double usedC, double allC) {
        return switch (n) {
            case NONE -> q;
            case USED_TAPS -> ratio(q, usedR * usedC);
            case UNIT_SUM -> ratio(q, allR * allC);
        };
    }

    static double sum(double[] values, int from, int count) {
        double s = 0;
        for (int i = from; i < from + count; i++) {
            s += values[i];
        }
        return s;
    }

    /** Divides the weights by their sum. */
    static void unitSum(double[] weights) {
        double s = sum(weights, 0, weights.length);
        for (int t = 0; t < weights.length; t++) {
            weights[t] /= s;
        }
    }

    /** {@code acc / sum}, 0 where no tap read the image. */
    static double ratio(double acc, double sum) {
        return sum == 0 ? 0 : acc / sum;
    }
}
