package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3, 10, 29.9, 30, 50, 1000, 5000})
    void poissonSamplesHaveMeanAndVarianceLambda(double lambda) {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 40_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            long k = Noise.poisson(lambda, rng);
            sum += k;
            sq += (double) k * k;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        // 5 standard errors: se(mean) = sqrt(lambda/n), se(var) ~ lambda*sqrt(2/n) (+ small excess kurtosis)
        assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n));
        assertEquals(lambda, var, 5 * lambda * Math.sqrt(2.0 / n) + 5 * Math.sqrt(lambda / n));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 10, 37.5, 400})
    void tabulatedSamplerMatchesThePoissonProbabilities(double lambda) {
        PoissonTable table = new PoissonTable(lambda);
        SplittableRandom rng = new SplittableRandom(3);
        int n = 40_000;
        int kMax = (int) (lambda + 10 * Math.sqrt(lambda) + 10);
        long[] hist = new long[kMax + 1];
        for (int i = 0; i < n; i++) {
            long k = table.sample(rng);
            if (k <= kMax) {
                hist[(int) k]++;
            }
        }
        // each bin within 5 binomial standard errors (+ 1 count) of n * P(k)
        double logP = -lambda;
        for (int k = 0; k <= kMax; k++) {
            if (k > 0) {
                logP += Math.log(lambda) - Math.log(k);
            }
            double p = Math.exp(logP);
            assertEquals(n * p, hist[k], 5 * Math.sqrt(n * p * (1 - p)) + 1, "k=" + k);
        }
    }
}
