package org.flowscope.engine.agent;

import java.util.List;
import java.util.Locale;
import org.flowscope.engine.spi.WorkShape;

/**
 * One choice made by the agent, with everything needed to explain it ({@code --explain}).
 *
 * @param sequence   per-engine decision number, from 1
 * @param operation  operation id
 * @param shape      the call's work shape
 * @param cost       the call's cost feature
 * @param candidates what was known about every candidate
 * @param chosen     index into {@code candidates}
 * @param reason     why
 * @param detail     the reason in words, with the numbers
 * @param excluded   candidates left out of this call and why (e.g. backing off after a failure)
 */
public record Decision(long sequence, String operation, WorkShape shape, double cost, List<CandidateEstimate> candidates,
        int chosen, Reason reason, String detail, List<String> excluded) {
    public Decision {
        candidates = List.copyOf(candidates);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen index " + chosen + " outside 0.." + (candidates.size() - 1));
        }
    }

    public Decision(long sequence, String operation, WorkShape shape, double cost, List<CandidateEstimate> candidates,
            int chosen, Reason reason, String detail) {
        this(sequence, operation, shape, cost, candidates, chosen, reason, detail, List.of());
    }

    /** The same decision with another reason and detail (the engine's note when it calibrates instead). */
    public Decision withReason(Reason r, String d) {
        return new Decision(sequence, operation, shape, cost, candidates, chosen, r, d, excluded);
    }

    /** Whether the chosen candidate runs to learn its time rather than because it is expected to be fastest. */
    public boolean exploratory() {
        return switch (reason) {
            case EXPLORE_UNTRIED, EXPLORE_REFRESH, EXPLORE_COLD_RETRY, CALIBRATE, DELAY_PROBE, COLD_START_DEFAULT -> true;
            default -> false;
        };
    }

    public CandidateEstimate choice() {
        return candidates.get(chosen);
    }

    /** A multi-line human explanation. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "#%d %s %s cost=%.4g -> %s [%s] %s%n", sequence, operation,
                shape.dimensions(), cost, choice().label(), reason, detail));
        for (int i = 0; i < candidates.size(); i++) {
            CandidateEstimate c = candidates.get(i);
            sb.append(String.format(Locale.ROOT, "   %s %-50s predicted %s (%s, %d own samples), %s, expected %s%n",
                    i == chosen ? "*" : " ", c.label(), ms(c.prediction().seconds()), c.prediction().source(),
                    c.prediction().samples(), c.delay(), ms(c.expectedSeconds())));
        }
        for (String x : excluded) {
            sb.append("   x ").append(x).append(System.lineSeparator());
        }
        return sb.toString();
    }

    static String ms(double seconds) {
        return Double.isNaN(seconds) ? "?" : String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
    }
}
