package org.flowscope.app.engine;

import java.util.List;
import java.util.OptionalInt;

/**
 * The calls of one contention sequence (engine on or off), numbered from 1.
 *
 * @param mode  "on" (the agent chooses) or "off" (fixed to the initially fastest)
 * @param calls in call order
 */
public record ContentionTrace(String mode, List<Call> calls) {
    public ContentionTrace {
        calls = List.copyOf(calls);
    }

    /**
     * One engine call.
     *
     * @param index     1-based call number
     * @param contended whether the load generator ran during the call
     * @param choice    the candidate that ran (implementation@device)
     * @param millis    wall time of the engine call, agent included
     */
    public record Call(int index, boolean contended, String choice, double millis) {
    }

    /** Mean time of the calls with index in [from, to], in ms; NaN when there are none. */
    public double meanMillis(int from, int to) {
        double sum = 0;
        int n = 0;
        for (Call c : calls) {
            if (c.index() >= from && c.index() <= to) {
                sum += c.millis();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double meanMillis() {
        return meanMillis(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Calls from {@code onset} on that still ran {@code initial} before the first call that ran something else; empty
     * when it never switched away.
     */
    public OptionalInt callsUntilSwitchAway(int onset, String initial) {
        int n = 0;
        for (Call c : calls) {
            if (c.index() < onset) {
                continue;
            }
            if (!c.choice().equals(initial)) {
                return OptionalInt.of(n);
            }
            n++;
        }
        return OptionalInt.empty();
    }

    /**
     * Calls from {@code end + 1} on that ran something other than {@code initial} before the first that ran it again;
     * empty when it never came back.
     */
    public OptionalInt callsUntilSwitchBack(int end, String initial) {
        int n = 0;
        for (Call c : calls) {
            if (c.index() <= end) {
                continue;
            }
            if (c.choice().equals(initial)) {
                return OptionalInt.of(n);
            }
            n++;
        }
        return OptionalInt.empty();
    }

    /** Number of calls whose choice differs from the previous call's. */
    public int switches() {
        int n = 0;
        for (int i = 1; i < calls.size(); i++) {
            if (!calls.get(i).choice().equals(calls.get(i - 1).choice())) {
                n++;
            }
        }
        return n;
    }
}
