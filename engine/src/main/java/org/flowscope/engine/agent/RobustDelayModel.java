package org.flowscope.engine.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.history.WindowStats;

/**
 * An unbiased delay detector. Reference: the median {@code m} and {@code σ̂ = 1.4826·MAD} of the last
 * {@value #WINDOW} earlier runs of the same shape that were <em>not</em> flagged (so a long delay does not become
 * the new normal). A run is delayed when {@code t > m + max(k·σ̂, minExcess·m)}, k = {@value #K}: for Gaussian
 * jitter that is about 4σ above the true mean, not NanoPyx's 1.6σ, so stationary runs are almost never flagged; the
 * relative floor ignores slowdowns too small to act on (and a zero MAD on very regular timings). A delay ends at the
 * first run back under the threshold.
 *
 * <p>Persistence: contention is bursty, so the probability that the next run is delayed too is the smoothed
 * frequency of "delayed → delayed" transitions in the window, {@code (n_dd + 4) / (n_d + 5)} — a Beta prior worth
 * five transitions with mean 0.8 — which the selector uses in paper eq. 3. Factor = {@code t / m} (eq. 2 with the
 * median).
 */
public final class RobustDelayModel implements DelayModel {
    public static final int WINDOW = 50;
    public static final double K = 4;
    public static final double MIN_EXCESS = 0.10;
    public static final int MIN_RUNS = 10;
    private static final double PRIOR_DD = 4;
    private static final double PRIOR_N = 5;
    private final Map<DelayKey, DelayState> states = new ConcurrentHashMap<>();

    @Override
    public boolean observe(DelayKey key, double seconds, List<Sample> previous) {
        List<Sample> normal = new ArrayList<>(WINDOW);
        for (int i = previous.size() - 1; i >= 0 && normal.size() < WINDOW; i--) {
            if (!previous.get(i).delayed()) {
                normal.add(previous.get(i));
            }
        }
        if (normal.size() < MIN_RUNS) {
            return false;
        }
        WindowStats st = WindowStats.ofSamples(normal, WINDOW);
        double threshold = threshold(st);
        boolean delayed = seconds > threshold;
        states.compute(key, (k, state) -> {
            if (!delayed) {
                return null;
            }
            int runs = state == null ? 1 : state.flaggedRuns() + 1;
            return new DelayState(true, seconds / st.median(), persistence(previous), runs);
        });
        return delayed;
    }

    /** The flag threshold for a reference window. */
    public static double threshold(WindowStats st) {
        return st.median() + Math.max(K * st.robustSigma(), MIN_EXCESS * st.median());
    }

    private static double persistence(List<Sample> previous) {
        int from = Math.max(0, previous.size() - WINDOW);
        double nd = 0;
        double ndd = 0;
        for (int i = from; i < previous.size(); i++) {
            if (previous.get(i).delayed()) {
                nd++;
                boolean next = i + 1 < previous.size() ? previous.get(i + 1).delayed() : true; // this run is delayed
                ndd += next ? 1 : 0;
            }
        }
        return (ndd + PRIOR_DD) / (nd + PRIOR_N);
    }

    @Override
    public DelayState state(DelayKey key) {
        return states.getOrDefault(key, DelayState.NONE);
    }

    @Override
    public Map<DelayKey, DelayState> states() {
        return Map.copyOf(states);
    }

    @Override
    public void restore(Map<DelayKey, DelayState> restored) {
        restored.forEach((k, v) -> {
            if (v.delayed()) {
                states.put(k, v);
            }
        });
    }
}
