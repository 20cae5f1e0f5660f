package org.flowscope.benchmarks.contention;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The calls of one contention sequence (engine on or off), numbered from 1.
 *
 * @param mode  "on" (the agent chooses), "off" (fixed to the initially fastest), "forced" (fixed to one candidate)
 *              or "oracle" (see {@link #oracle})
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

    /**
     * The oracle of forced sequences run under the same load schedule: for each call, the fastest of the traces'
     * calls with that index (its time and its candidate). The traces must number the same calls and agree on which
     * were contended.
     */
    public static ContentionTrace oracle(List<ContentionTrace> forced) {
        if (forced.isEmpty()) {
            throw new IllegalArgumentException("the oracle needs at least one forced trace");
        }
        int n = forced.get(0).calls().size();
        List<Call> best = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Call first = forced.get(0).calls().get(i);
            Call fastest = first;
            for (ContentionTrace t : forced) {
                if (t.calls().size() != n) {
                    throw new IllegalArgumentException("forced traces differ in length: " + n + " and " + t.calls().size());
                }
                Call c = t.calls().get(i);
                if (c.index() != first.index() || c.contended() != first.contended()) {
                    throw new IllegalArgumentException("forced traces differ at call " + first.index() + ": " + first + " vs " + c);
                }
                if (c.millis() < fastest.millis()) {
                    fastest = c;
                }
            }
            best.add(fastest);
        }
        return new ContentionTrace("oracle", best);
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

    /** Consecutive calls a switch must last to count, so that a single exploration probe is not a switch. */
    public static final int SUSTAIN = 3;

    /**
     * Calls from {@code onset} on before the agent moved away from {@code initial} for at least {@link #SUSTAIN}
     * consecutive calls (0 = the first contended call already started such a run); empty when it never did.
     */
    public OptionalInt callsUntilSwitchAway(int onset, String initial) {
        return firstSustained(onset, c -> !c.choice().equals(initial));
    }

    /**
     * Calls after {@code end} before the agent ran {@code initial} again for at least {@link #SUSTAIN} consecutive
     * calls; empty when it never came back for good.
     */
    public OptionalInt callsUntilSwitchBack(int end, String initial) {
        return firstSustained(end + 1, c -> c.choice().equals(initial));
    }

    private OptionalInt firstSustained(int from, java.util.function.Predicate<Call> test) {
        int start = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).index() >= from) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return OptionalInt.empty();
        }
        for (int i = start; i < calls.size(); i++) {
            int run = 0;
            while (i + run < calls.size() && run < SUSTAIN && test.test(calls.get(i + run))) {
                run++;
            }
            if (run == SUSTAIN || (run > 0 && i + run == calls.size())) {
                return OptionalInt.of(i - start);
            }
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
