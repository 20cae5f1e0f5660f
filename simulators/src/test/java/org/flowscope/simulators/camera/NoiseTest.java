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
}
