package org.flowscope.engine.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.history.WindowStats;

/**
 * NanoPyx's delay management as the paper states it (Methods, eqs. 1–5; spec §9.4–9.5), kept faithful so that it
 * can be compared with {@link RobustDelayModel}:
 * <ul>
 * <li>statistics over the last {@value #WINDOW} earlier runs of the same work shape, split into a fast half (the
 * {@code n/2} smallest) and a slow half, population standard deviations;</li>
 * <li>checks only once the history, this run included, holds {@value #MIN_RUNS} runs;</li>
 * <li>(5) a delay in force ends when {@code t < SlowAvg - SlowStd} or {@code t < FastAvg + FastStd};</li>
 * <li>(1) otherwise a run is delayed when {@code t > FastAvg + 4·FastStd};</li>
 * <li>(2) the delay factor is {@code t / FastAvg};</li>
 * <li>P(delay) is the logistic Markov fit of {@link LogisticDelayProbability};</li>
 * <li>(3) and (4), adjusted times and the 1/t² draw, are applied by the selector ({@link DelayState#adjust},
 * {@link InverseSquareDraw}).</li>
 * </ul>
 * Differences from NanoPyx, all deliberate: state is per operation, implementation and device (not per runtype name,
 * and no grouping of "threaded" variants), and it can be persisted. Known weakness kept on purpose: the fast half is
 * biased low, so about 5 % of stationary Gaussian runs are flagged.
 */
public final class PaperDelayModel implements DelayModel {
    public static final int WINDOW = 50;
    public static final int MIN_RUNS = 20;
    private final Map<DelayKey, DelayState> states = new ConcurrentHashMap<>();

    @Override
    public boolean observe(DelayKey key, double seconds, List<Sample> previous) {
        if (previous.size() + 1 < MIN_RUNS) {
            return false;
        }
        WindowStats st = WindowStats.ofSamples(previous, WINDOW);
        boolean[] flagged = new boolean[1];
        states.compute(key, (k, state) -> {
            if (state != null && state.delayed() && delayOver(seconds, st)) {
                return null;
            }
            if (isDelayed(seconds, st)) {
                flagged[0] = true;
                int from = Math.max(0, previous.size() - WINDOW);
                boolean[] flags = new boolean[previous.size() - from + 1];
                for (int i = from; i < previous.size(); i++) {
                    flags[i - from] = isDelayed(previous.get(i).seconds(), st);
                }
                flags[flags.length - 1] = true;
                int runs = state == null ? 1 : state.flaggedRuns() + 1;
                return new DelayState(true, delayFactor(seconds, st), LogisticDelayProbability.of(flags), runs);
            }
            return state;
        });
        return flagged[0];
    }

    /** Eq. 1. */
    static boolean isDelayed(double seconds, WindowStats st) {
        return seconds > st.fastAvg() + 4 * st.fastStd();
    }

    /** Eq. 2. */
    static double delayFactor(double seconds, WindowStats st) {
        return seconds / st.fastAvg();
    }

    /** Eq. 5 as NanoPyx's code and prose have it ("<" in both clauses). */
    static boolean delayOver(double seconds, WindowStats st) {
        return seconds < st.slowAvg() - st.slowStd() || seconds < st.fastAvg() + st.fastStd();
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
