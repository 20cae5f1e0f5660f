package org.flowscope.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MediansTest {
    @Test
    void selectionAgreesWithSortingOnRandomSortedAndTiedInputs() {
        Random r = new Random(1);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + r.nextInt(120);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (trial % 3) {
                    case 0 -> r.nextGaussian();
                    case 1 -> i;                       // already sorted
                    default -> r.nextInt(3);           // many ties
                };
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertEquals(expected, Medians.medianInPlace(v.clone(), n), 0, "n=" + n + " trial " + trial);
        }
        assertTrue(Double.isNaN(Medians.medianInPlace(new double[0], 0)));
    }

    @Test
    void onlyTheFirstNElementsCount() {
        assertEquals(2.0, Medians.medianInPlace(new double[] {3, 1, 2, 100, 100}, 3));
    }
}
