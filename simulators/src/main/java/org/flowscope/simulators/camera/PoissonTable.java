package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fast Poisson sampling for one fixed mean (the background, which most pixels of a frame share): the cumulative
 * distribution is tabulated up to {@code lambda + 15 sqrt(lambda) + 15}, beyond which the remaining mass is below
 * 1e-20, and a draw is one uniform and a table look-up: the smallest {@code k} with {@code cdf[k] > u}. A uniform
 * beyond the table (never, in practice) falls back to {@link Noise#poisson}.
 *
 * <p>The look-up starts at a guide table (the first candidate index for each of {@value #GUIDE} equal slices of
 * [0, 1)) and scans forward, about one comparison per draw instead of a binary search's seven unpredictable
 * branches. It returns what {@code Arrays.binarySearch} gave before, draw for draw; a uniform that equals a table
 * entry exactly is handed to the binary search itself, whose choice among equal entries is its own.
 */
final class PoissonTable {
    private static final int GUIDE = 1024;
    private final double lambda;
    private final double[] cdf;
    private final int[] guide = new int[GUIDE];

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
        int k = 0;
        for (int j = 0; j < GUIDE; j++) {
            double from = (double) j / GUIDE;
            while (k < c.length - 1 && c[k] <= from) {
                k++;
            }
            guide[j] = k;
        }
    }

    /** The largest uniform the table covers: draws at or above it take the {@link Noise#poisson} fallback. */
    double cdfLast() {
        return cdf[cdf.length - 1];
    }

    double lambda() {
        return lambda;
    }

    long sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (u >= cdf[cdf.length - 1]) {
            return Noise.poisson(lambda, rng);
        }
        // every entry before guide[j] is <= j / GUIDE <= u, and cdf[last] > u ends the scan inside the table
        int k = guide[(int) (u * GUIDE)];
        while (cdf[k] <= u) {
            k++;
        }
        if (k > 0 && cdf[k - 1] == u) {
            return Arrays.binarySearch(cdf, u) + 1; // an exact tie: the binary search decides, as it always did
        }
        return k;
    }
}
