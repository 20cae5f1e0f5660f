package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fast Poisson sampling for one fixed mean (the background, which most pixels of a frame share): the cumulative
 * distribution is tabulated up to {@code lambda + 15 sqrt(lambda) + 15}, beyond which the remaining mass is below
 * 1e-20, and a draw is one uniform and a binary search. A uniform beyond the table (never, in practice) falls back
 * to {@link Noise#poisson}.
 */
final class PoissonTable {
    private final double lambda;
    private final double[] cdf;

    PoissonTable(double lambda) {
        this.lambda = lambda;
        int kMax = (int) Math.ceil(lambda + 15 * Math.sqrt(lambda) + 15);
        double[] c = new double[kMax + 1];
        double logP = -lambda; // log P(0)
        double sum = 0;
        for (int k = 0; k <= kMax; k++) {
            if (k > 0) {
                logP += Math.log(lambda) - Math.log(k);
            }
            sum += Math.exp(logP);
            c[k] = sum;
        }
        this.cdf = c;
    }

    double lambda() {
        return lambda;
    }

    long sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (u >= cdf[cdf.length - 1]) {
            return Noise.poisson(lambda, rng);
        }
        int i = Arrays.binarySearch(cdf, u);
        // binarySearch returns -(insertion point) - 1 when absent: the first k with cdf[k] > u
        return i >= 0 ? i + 1 : -i - 1;
    }
}
