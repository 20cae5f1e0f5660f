package org.flowscope.methods.decorr;

import java.util.Arrays;

/**
 * The transfer function of the high-pass {@code img - G_sigma * img} on the periodic {@code n x n} grid, one axis at a
 * time: {@code a(k) = 1 - Ghat(k) = sum_{j != 0} w_j (1 - cos(2 pi k j / n))}, {@code w_j} SciPy's Gaussian weights
 * ({@code exp(-j^2 / (2 sigma^2))} for {@code |j| <= int(4 sigma + 0.5)}, normalised to sum 1, wrapped around the grid).
 * The 2-D high-pass multiplies the spectrum by {@code 1 - Ghat(ky) Ghat(kx) = a(ky) + a(kx) - a(ky) a(kx)}.
 *
 * <p>The sum is taken term by term ({@code 1 - cos} as {@code 2 sin^2}), never as {@code 1 - Ghat}: for the small
 * sigmas of the first series {@code a} is as small as 1e-19 and a difference would leave only rounding.
 */
final class HighPass {
    private HighPass() {
    }

    /** The table of the unfiltered image: {@code a = 1} gives a weight of exactly 1 everywhere. */
    static double[] unfiltered(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1);
        return a;
    }

    /** {@code a(k)} for {@code k = 0 .. n-1} (even in k). A kernel of radius 0 (sigma &lt; 0.125) gives all zeros. */
    static double[] table(double sigma, int n) {
        if (!(sigma > 1e-15) || Double.isInfinite(sigma)) {
            return new double[n];
        }
        int radius = (int) (4.0 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            double v = Math.exp(-0.5 * j * j / (sigma * sigma));
            w[j + radius] = v;
            sum += v;
        }
        // fold the normalised weights onto the periodic grid: wrapped[m] = sum of w_j with j = m (mod n)
        double[] wrapped = new double[n];
        for (int j = -radius; j <= radius; j++) {
            wrapped[Math.floorMod(j, n)] += w[j + radius] / sum;
        }
        double[] oneMinusCos = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sin(Math.PI * i / n);
            oneMinusCos[i] = 2 * s * s;
        }
        // wrapped[m] = wrapped[n - m] and (1 - cos) is even, so each pair (m, n - m) is one term
        int half = n / 2;
        int reach = Math.min(radius, half);
        double[] pair = new double[reach + 1];
        for (int m = 1; m <= reach; m++) {
            pair[m] = m == n - m ? wrapped[m] : wrapped[m] + wrapped[n - m];
        }
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            double acc = 0;
            for (int m = 1; m <= reach; m++) {
                acc += pair[m] * oneMinusCos[(int) ((long) k * m % n)];
            }
            a[k] = acc;
        }
        return a;
    }
}
