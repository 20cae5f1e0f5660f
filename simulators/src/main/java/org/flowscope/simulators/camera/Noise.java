package org.flowscope.simulators.camera;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson sampling for photon shot noise. Means below 10 use inversion by sequential search (exact; cost grows with
 * the mean); larger means use Hörmann's transformed rejection with squeeze (PTRS; W. Hörmann, "The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993),
 * which is exact and takes a bounded number of uniforms on average.
 */
public final class Noise {
    /** Means from which PTRS is used; below, inversion (one uniform per draw). */
    static final double PTRS_FROM = 10;
    private static final double[] LOG_FACTORIAL = new double[1024];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private Noise() {
    }

    /** A Poisson-distributed count with mean {@code lambda} (&ge; 0). */
    public static long poisson(double lambda, RandomGenerator rng) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < PTRS_FROM) {
            return inversion(lambda, rng);
        }
        return ptrs(lambda, rng);
    }

    static double logFactorial(long k) {
        return k < LOG_FACTORIAL.length ? LOG_FACTORIAL[(int) k] : Gamma.logGamma(k + 1.0);
    }

    private static long inversion(double lambda, RandomGenerator rng) {
        double p = Math.exp(-lambda);
        double cumulative = p;
        double u = rng.nextDouble();
        long k = 0;
        while (u > cumulative && k < 1000) {
            k++;
            p *= lambda / k;
            cumulative += p;
        }
        return k;
    }

    /** PTRS's {@code b} for a mean: {@code 0.931 + 2.53 sqrt(lambda)}. */
    static double ptrsB(double lambda) {
        return 0.931 + 2.53 * Math.sqrt(lambda);
    }

    /** PTRS's squeeze bound {@code v_r}: a draw with {@code us >= 0.07} and {@code v <= v_r} is accepted at once. */
    static double ptrsVr(double b) {
        return 0.9277 - 3.6224 / (b - 2);
    }

    private static long ptrs(double lambda, RandomGenerator rng) {
        double b = ptrsB(lambda);
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = ptrsVr(b);
        double loglam = Double.NaN; // only the rare slow path needs it: computed on first use
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            if (Double.isNaN(loglam)) {
                loglam = Math.log(lambda);
            }
            double rhs = -lambda + k * loglam - logFactorial(k);
            if (lhs <= rhs) {
                return k;
            }
        }
    }
}
