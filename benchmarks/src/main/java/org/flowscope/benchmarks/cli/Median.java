package org.flowscope.benchmarks.cli;

import java.util.Arrays;

/** The median the harnesses report (the middle value, or the mean of the two middle ones). */
public final class Median {
    private Median() {
    }

    /** The median of {@code values} (NaN when empty); the array is left unchanged. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
