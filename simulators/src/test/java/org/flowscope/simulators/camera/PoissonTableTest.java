package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PoissonTableTest {
    /** The look-up the table used before its guide table: a binary search. */
    private static long binarySearchSample(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static double[] cdf(double lambda) {
        int kMax = (int) Math.ceil(lambda + 15 * Math.sqrt(lambda) + 15);
        double[] c = new double[kMax + 1];
        double logP = -lambda;
        double sum = 0;
        for (int k = 0; k <= kMax; k++) {
            if (k > 0) {
                logP += Math.log(lambda) - Math.log(k);
            }
            sum += Math.exp(logP);
            c[k] = sum;
        }
        return c;
    }

    /** A generator whose next double is exactly {@code u} (u in [0, 1) with 53 significant bits). */
    private static RandomGenerator giving(double u) {
        long bits = (long) (u * 0x1.0p53) << 11;
        return () -> bits;
    }

    @Test
    void guideTableLookUpReturnsWhatTheBinarySearchReturned() {
        for (double lambda : new double[] {0, 0.3, 3.5, 10, 20, 200}) {
            PoissonTable table = new PoissonTable(lambda);
            double[] cdf = cdf(lambda);
            SplitMix rng = new SplitMix(5);
            for (int i = 0; i < 200_000; i++) {
                double u = rng.nextDouble();
                if (u < cdf[cdf.length - 1]) {
                    assertEquals(binarySearchSample(cdf, u), table.sample(giving(u)), "lambda " + lambda + ", u " + u);
                }
            }
            // uniforms that hit a table entry exactly, and the slice boundaries of the guide table
            for (double c : cdf) {
                if (c >= 0.5 && c < 1 && c < cdf[cdf.length - 1]) {
                    assertEquals(binarySearchSample(cdf, c), table.sample(giving(c)), "tie at " + c);
                }
            }
            for (int j = 0; j < 1024; j++) {
                double u = j / 1024.0;
                if (u < cdf[cdf.length - 1]) {
                    assertEquals(binarySearchSample(cdf, u), table.sample(giving(u)), "boundary " + u);
                }
            }
        }
    }
}
