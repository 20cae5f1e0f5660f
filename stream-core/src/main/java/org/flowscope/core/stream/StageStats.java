package org.flowscope.core.stream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timing of one stage: count, total, min, max and percentiles over the most recent {@value #RESERVOIR} samples, in
 * milliseconds. Thread-safe (synchronized; recorded once per window, not per pixel).
 */
public final class StageStats {
    static final int RESERVOIR = 1024;
    private final long[] recent = new long[RESERVOIR];
    private long count;
    private long totalNs;
    private long minNs = Long.MAX_VALUE;
    private long maxNs;

    public synchronized void record(long nanos) {
        recent[(int) (count % RESERVOIR)] = nanos;
        count++;
        totalNs += nanos;
        minNs = Math.min(minNs, nanos);
        maxNs = Math.max(maxNs, nanos);
    }

    public synchronized long count() {
        return count;
    }

    /** Mean in ms (0 when empty). */
    public synchronized double meanMs() {
        return count == 0 ? 0 : totalNs / 1e6 / count;
    }

    /** The q-quantile (0..1) of the recent samples in ms (0 when empty). */
    public synchronized double quantileMs(double q) {
        int n = (int) Math.min(count, RESERVOIR);
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(recent, n);
        Arrays.sort(s);
        int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        return s[i] / 1e6;
    }

    /** count, totalMs, meanMs, minMs, p50Ms, p95Ms, p99Ms, maxMs. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("totalMs", totalNs / 1e6);
        m.put("meanMs", meanMs());
        m.put("minMs", count == 0 ? 0 : minNs / 1e6);
        m.put("p50Ms", quantileMs(0.5));
        m.put("p95Ms", quantileMs(0.95));
        m.put("p99Ms", quantileMs(0.99));
        m.put("maxMs", maxNs / 1e6);
        return m;
    }
}
