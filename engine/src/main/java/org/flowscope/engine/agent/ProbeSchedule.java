package org.flowscope.engine.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to re-run a delayed candidate to see whether its delay is over ({@link Reason#DELAY_PROBE}): an interval
 * that grows with the square root of the delay's age, instead of a fixed every-4th call.
 *
 * <p>A probe while the delay lasts costs {@code c_p = t_delayed - t_alt} (it runs the delayed candidate instead of
 * the alternative); each call spent on the alternative after the delay has ended costs {@code c_l = t_alt - t_fast}.
 * Probing every {@code I} calls costs about {@code c_p / I} per call while the delay lasts and {@code c_l · I / 2}
 * once when it ends. A delay that has lasted {@code D} calls is taken to end within about {@code D} more (a
 * scale-free guess: no prior knowledge of how long contention lasts), so the cost per call is
 * {@code c_p / I + c_l · I / (2 D)}, smallest at {@code I = sqrt(2 D c_p / c_l)}. Short delays are probed often
 * (quick return: a delay of 10 calls is left within 2-5 calls of its end), long ones less and less (a 100-call
 * delay of a 5x-slowed GPU with a 3x-slower alternative: probes about every 14 calls instead of every 4), expensive
 * probes (a heavily slowed candidate) less than cheap ones. Bounded to [{@value #MIN}, {@value #MAX}] calls.
 * Thread-safe.
 */
final class ProbeSchedule {
    static final int MIN = 2;
    static final int MAX = 32;
    private final Map<DelayKey, Long> onsets = new ConcurrentHashMap<>();

    /**
     * Calls to wait between probes of {@code key}, delayed since it was first seen delayed.
     *
     * @param call        the operation's call number now
     * @param fast        the candidate's undelayed time
     * @param delayed     its time while the delay lasts
     * @param alternative the time of the candidate that runs instead
     */
    int interval(DelayKey key, long call, double fast, double delayed, double alternative) {
        long onset = onsets.computeIfAbsent(key, k -> call);
        double age = Math.max(1, call - onset);
        double probeCost = delayed - alternative;
        double lagCost = alternative - fast;
        if (!(probeCost > 0)) {
            return MIN; // probing costs nothing extra: the delayed one is no slower than the alternative
        }
        if (!(lagCost > 0)) {
            return MAX; // nothing to win back by returning
        }
        double best = Math.sqrt(2 * age * probeCost / lagCost);
        return (int) Math.max(MIN, Math.min(MAX, Math.round(best)));
    }

    /** The delay of {@code key} is over (a run was not flagged). */
    void ended(DelayKey key) {
        onsets.remove(key);
    }

    /** Calls since {@code key}'s delay was first seen, or -1 when it is not delayed. */
    long age(DelayKey key, long call) {
        Long onset = onsets.get(key);
        return onset == null ? -1 : call - onset;
    }
}
