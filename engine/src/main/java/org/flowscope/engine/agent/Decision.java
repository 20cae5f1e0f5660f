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
 */
public record Decision(long sequence, String operation, WorkShape shape, double cost, List<CandidateEstimate> candidates,
        int chosen, Reason reason, String detail) {
    public Decision {
        candidates = List.copyOf(candidates);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen index " + chosen + " outside 0.." + (candidates.size() - 1));
        }
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
        return sb.toString();
    }

    static String ms(double seconds) {
        return Double.isNaN(seconds) ? "?" : String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
    }
}
