package org.flowscope.engine.history;

/**
 * Medians by selection (Hoare's quickselect, expected linear time) instead of sorting: the agent takes a median
 * of up to 100 run times on every decision, and sorting was most of its cost.
 */
public final class Medians {
    private Medians() {
    }

    /** Median of {@code v[0..n)}; reorders those elements. NaN when {@code n == 0}. */
    public static double medianInPlace(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double upper = select(v, 0, n - 1, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // after selecting index n/2, everything left of it is <= it: the lower middle is their maximum
        double lower = v[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, v[i]);
        }
        return 0.5 * (lower + upper);
    }

    private static double select(double[] v, int lo, int hi, int k) {
        while (lo < hi) {
            // median-of-three pivot keeps already sorted windows (steady timings) linear
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf3(v[lo], v[mid], v[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static double medianOf3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
