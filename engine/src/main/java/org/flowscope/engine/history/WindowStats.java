package org.flowscope.engine.history;

import java.util.Arrays;
import java.util.List;

/**
 * Statistics of a window of run times. The "fast" and "slow" halves are NanoPyx's: with {@code n} values and
 * {@code k = n / 2} (integer division), the fast half is the {@code k} smallest values and the slow half the other
 * {@code n - k}; standard deviations are population ones (divide by the count).
 */
public record WindowStats(int n, double median, double mad, double fastAvg, double fastStd, double slowAvg, double slowStd) {

    public static WindowStats of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new WindowStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double median = median(s);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(s[i] - median);
        }
        Arrays.sort(dev);
        int k = n / 2;
        return new WindowStats(n, median, median(dev), mean(s, 0, k), std(s, 0, k), mean(s, k, n), std(s, k, n));
    }

    /** Stats of the last {@code limit} samples (all of them, delayed or not). */
    public static WindowStats ofSamples(List<Sample> samples, int limit) {
        int from = Math.max(0, samples.size() - limit);
        double[] v = new double[samples.size() - from];
        for (int i = from; i < samples.size(); i++) {
            v[i - from] = samples.get(i).seconds();
        }
        return of(v);
    }

    /** Robust scale: 1.4826 × MAD, the standard deviation of a Gaussian with that MAD. */
    public double robustSigma() {
        return 1.4826 * mad;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double mean(double[] s, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i];
        }
        return sum / (to - from);
    }

    private static double std(double[] s, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double m = mean(s, from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (s[i] - m) * (s[i] - m);
        }
        return Math.sqrt(sum / (to - from));
    }
}
