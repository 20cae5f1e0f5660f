package org.flowscope.engine.agent;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.flowscope.engine.Candidate;

/**
 * List scheduling over several devices: among a decision's candidates, the one expected to finish a piece of work
 * first, where a candidate's finish is the work already queued on its device plus its expected time for the piece
 * (the agent's delay-adjusted prediction, so contention on one device moves work to the others).
 *
 * <p>[decision] An exploratory decision (an untried candidate, a refresh, a delay probe) is kept as the agent made
 * it when nothing waits on the candidate's device: the agent bounds its cost, and without it a device measured slow
 * once would never be measured again. When work already waits there, its time is on the way and exploring it again
 * would only lengthen its queue.
 */
public final class EarliestFinish {
    private EarliestFinish() {
    }

    /**
     * The decision to use: {@code decision} itself when it is exploratory or already the earliest finish, else the
     * same candidates with the earliest-finishing one chosen ({@link Reason#EARLIEST_FINISH}).
     *
     * @param candidates  the candidates of the decision, in its order
     * @param queued      seconds of work already queued on the candidate's device, not finished yet
     * @param pieces      how many pieces of the decision's shape the work is (its expected time is that many times
     *                    the prediction)
     */
    public static Decision choose(Decision decision, List<Candidate> candidates, ToDoubleFunction<Candidate> queued,
            double pieces) {
        if (candidates.size() < 2
                || decision.exploratory() && queued.applyAsDouble(candidates.get(decision.chosen())) <= 0) {
            return decision;
        }
        int best = -1;
        double bestFinish = Double.POSITIVE_INFINITY;
        double[] finish = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            double expected = decision.candidates().get(i).expectedSeconds();
            finish[i] = Double.isNaN(expected) ? Double.POSITIVE_INFINITY
                    : Math.max(0, queued.applyAsDouble(candidates.get(i))) + pieces * expected;
            if (finish[i] < bestFinish) {
                bestFinish = finish[i];
                best = i;
            }
        }
        if (best < 0 || best == decision.chosen() || finish[best] >= finish[decision.chosen()]) {
            return decision;
        }
        Candidate fastest = candidates.get(decision.chosen());
        String detail = String.format(Locale.ROOT, "finishes at +%s (%s queued); %s, fastest, at +%s (%s queued)",
                Decision.ms(finish[best]), Decision.ms(queued.applyAsDouble(candidates.get(best))), fastest.label(),
                Decision.ms(finish[decision.chosen()]), Decision.ms(queued.applyAsDouble(fastest)));
        return new Decision(decision.sequence(), decision.operation(), decision.shape(), decision.cost(),
                decision.candidates(), best, Reason.EARLIEST_FINISH, detail, decision.excluded());
    }
}
