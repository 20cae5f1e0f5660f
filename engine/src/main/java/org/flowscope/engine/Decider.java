package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.agent.SelectionRequest;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.WorkShape;

/**
 * Turns the agent's decisions into what one call does next, for {@link Engine#execute} and {@link Engine#select}:
 * run its work on a candidate, or first calibrate one on small seeded work. Several calls may decide at once on one
 * engine (Spark tasks, windows in flight on several devices): a calibration is claimed by one call
 * ({@link Calibrations}), and a decision that rests on estimates a calibration has just replaced, or that would give
 * real work to a candidate being calibrated, is not acted on. Thread-safe.
 */
final class Decider {
    private final ImplementationSelector selector;
    private final DecisionLog decisions;
    private final Calibrations calibrations;
    private final EngineActivity activity;
    private final LongSupplier nanoClock;

    /**
     * What a call does next: calibrate {@code chosen} ({@code claim} non-null, closed when the calibration ends) or
     * run the call's work on it.
     *
     * @param request  what was decided for (the call's candidates, or those not being calibrated elsewhere)
     * @param decision as logged
     */
    record Step(SelectionRequest request, Decision decision, Candidate chosen, Calibrations.Claim claim) {
    }

    Decider(ImplementationSelector selector, DecisionLog decisions, Calibrations calibrations, EngineActivity activity,
            LongSupplier nanoClock) {
        this.selector = selector;
        this.decisions = decisions;
        this.calibrations = calibrations;
        this.activity = activity;
        this.nanoClock = nanoClock;
    }

    /**
     * Runs {@code chosen} on the operation's calibration work: the smallest size twice (a warm-up, recorded as such,
     * then timed), the larger once; the timed runs are recorded under calibration shapes and give the candidate an
     * estimate of its own ({@link org.flowscope.engine.model.PredictionSource#CALIBRATION}).
     */
    <P, I, O> void calibrate(Operation<P, I, O> op, Calibration<P, I> c, Candidate chosen, SelectionRequest request,
            Decision decision) {
        @SuppressWarnings("unchecked")
        Implementation<P, I, O> impl = (Implementation<P, I, O>) chosen.implementation();
        long token = activity.started(decision, chosen.label(), false, true, nanoClock.getAsLong());
        try {
            for (int run = 0; run <= c.sizes().size(); run++) {
                Calibration.Work<P, I> w = c.sizes().get(Math.max(0, run - 1));
                long builds0 = chosen.device().buildNanos();
                long t0 = nanoClock.getAsLong();
                impl.run(w.params(), w.input(), new ExecutionContexts(chosen.device()));
                long elapsed = nanoClock.getAsLong() - t0;
                double seconds = Math.max(0, elapsed - (chosen.device().buildNanos() - builds0)) * 1e-9;
                boolean cold = run == 0;
                selector.record(new SelectionRequest(op.id(), w.shape(), w.cost(), request.candidates()), chosen, seconds, cold);
            }
        } finally {
            activity.ended(token);
        }
    }

    /**
     * The agent's decision for one call among {@code candidates}, its real-work choice changed by {@code placement}
     * when given (work spread over several devices), as this thread may act on it (logged), or null when another
     * call's calibration ended meanwhile or was waited for (the caller decides again). A candidate another call is
     * calibrating is known only from priors or nothing until that ends, so it gets no real work here: this call
     * calibrates another candidate meanwhile when the agent wants one calibrated, else waits for a calibration to end.
     * A candidate calibrated already is tried on real work.
     */
    Step decide(String operationId, WorkShape shape, double cost, List<Candidate> candidates, boolean calibratable,
            List<String> excluded, UnaryOperator<Decision> placement) {
        long endedBefore = calibrations.ended();
        SelectionRequest request = new SelectionRequest(operationId, shape, cost, candidates, calibratable, excluded);
        Decision decision = selector.choose(request);
        List<Candidate> busy = new ArrayList<>(calibrations.running(operationId, candidates));
        if (calibrations.ended() != endedBefore) {
            return null; // a calibration ended while the agent decided: decide again with its estimate
        }
        Candidate chosen = candidates.get(decision.chosen());
        if (decision.reason() == Reason.CALIBRATE && !busy.contains(chosen)) {
            Calibrations.Claim claim = calibratable ? calibrations.claim(operationId, chosen) : null;
            if (claim != null) {
                return logged(new Step(request, decision, chosen, claim));
            }
            if (!calibratable) {
                decision = decision.withReason(Reason.EXPLORE_UNTRIED, "no calibration work: trying it on real work");
            } else if (!calibrations.finished(operationId, chosen)) {
                busy.add(chosen); // claimed by another call since this one looked
            } else if (calibrations.ended() != endedBefore) {
                return null; // calibrated by another call since this one looked: decide again with its estimate
            } else {
                decision = decision.withReason(Reason.EXPLORE_UNTRIED, "calibrated already: trying it on real work");
            }
        }
        if (decision.reason() != Reason.CALIBRATE) {
            decision = placement == null ? decision : placement.apply(decision);
            chosen = candidates.get(decision.chosen());
            if (!busy.contains(chosen)) {
                return logged(new Step(request, decision, chosen, null));
            }
        }
        List<Candidate> others = new ArrayList<>(candidates);
        others.removeAll(busy);
        if (calibratable && !others.isEmpty()) {
            SelectionRequest meanwhile = new SelectionRequest(operationId, shape, cost, others, true, excluded);
            Decision d = selector.choose(meanwhile);
            Candidate c = others.get(d.chosen());
            Calibrations.Claim claim = d.reason() == Reason.CALIBRATE ? calibrations.claim(operationId, c) : null;
            if (claim != null) {
                return logged(new Step(meanwhile, d.withReason(Reason.CALIBRATE, d.detail() + " (while another call calibrates "
                        + busy.stream().map(Candidate::implementationId).toList() + ")"), c, claim));
            }
        }
        calibrations.awaitAny(operationId, busy);
        return null;
    }

    private Step logged(Step step) {
        decisions.add(step.decision());
        return step;
    }
}
