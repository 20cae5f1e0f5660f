package org.flowscope.engine.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.model.PerformanceModel;
import org.flowscope.engine.model.Prediction;
import org.flowscope.engine.model.PredictionSource;

/**
 * The agent: predicted times from the {@link PerformanceModel}, adjusted for delays by the {@link DelayModel}
 * (paper eq. 3), plus bounded exploration. One decision:
 * <ol>
 * <li>a candidate with no prediction at all is tried once (cold start), preferring CUDA, OpenCL, threaded, plain;
 * one known only from factory priors is tried once if its prior is within {@link #EXPLORE_RATIO} of the best;</li>
 * <li>if the delay adjustment does not change the winner, the fastest predicted wins (deterministic, as in
 * NanoPyx);</li>
 * <li>if it does: with {@link DelayRule#INVERSE_SQUARE_DRAW} (paper eq. 4) a candidate is drawn with probability
 * ∝ 1/adjusted²; with {@link DelayRule#AVOID_AND_PROBE} the adjusted winner runs, and the delayed fastest is re-run
 * once every {@link #PROBE_INTERVAL} calls of the operation to see whether its delay is over (so recovery is
 * noticed within {@code PROBE_INTERVAL + 1} calls, at a bounded cost);</li>
 * <li>otherwise, with probability {@code ε_n = ε₀·τ/(τ + n)} after {@code n} calls of the operation, a random
 * undelayed other candidate is re-measured — if it is predicted {@code r} times slower than the best, only with
 * probability {@code min(1, 4/r²)} when its time rests on {@value #WELL_KNOWN}+ samples, {@code min(1, 4/r)}
 * otherwise; this bounds the expected cost of an exploration to about the best time. The schedule decays, yet
 * never stops ({@code Σ ε_n} diverges), so one bad measurement cannot lock an implementation out for good.</li>
 * </ol>
 * Randomness comes from the injected, seeded generator. Thread-safe.
 */
public final class DelayAwareSelector implements ImplementationSelector {
    /** What to do when a delay changes the fastest candidate. */
    public enum DelayRule {
        /** Paper eq. 4. */
        INVERSE_SQUARE_DRAW,
        /** Run the adjusted winner; probe the delayed one every {@link #PROBE_INTERVAL} calls. */
        AVOID_AND_PROBE
    }

    public static final int PROBE_INTERVAL = 4;
    public static final double EXPLORE_RATIO = 4;
    public static final double EPSILON_0 = 0.02;
    /** Own samples of a shape from which a candidate's time is considered well known. */
    public static final int WELL_KNOWN = 3;
    public static final double TAU = 200;

    private final BenchmarkStore store;
    private final PerformanceModel model;
    private final DelayModel delays;
    private final DelayRule rule;
    private final RandomGenerator random;
    private final String libraryVersion;
    private final Clock clock;
    private final boolean explore;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<DelayKey, Long> lastRun = new ConcurrentHashMap<>();

    /**
     * @param random  seeded; shared by all threads (decisions are reproducible when calls are sequential)
     * @param explore false disables exploration (tests of the delay logic alone)
     */
    public DelayAwareSelector(BenchmarkStore store, PerformanceModel model, DelayModel delays, DelayRule rule,
            RandomGenerator random, String libraryVersion, Clock clock, boolean explore) {
        this.store = store;
        this.model = model;
        this.delays = delays;
        this.rule = rule;
        this.random = random;
        this.libraryVersion = libraryVersion;
        this.clock = clock;
        this.explore = explore;
    }

    @Override
    public Decision choose(SelectionRequest request) {
        long call = calls.computeIfAbsent(request.operation(), k -> new AtomicLong()).incrementAndGet();
        List<Candidate> cs = request.candidates();
        int n = cs.size();
        List<CandidateEstimate> est = new ArrayList<>(n);
        for (Candidate c : cs) {
            Prediction p = model.predict(key(request, c), request.cost());
            DelayState d = delays.state(delayKey(request, c));
            est.add(new CandidateEstimate(c.implementationId(), c.deviceIdentity(), p, d, p.known() ? d.adjust(p.seconds()) : Double.NaN));
        }
        if (n == 1) {
            return decision(request, est, 0, Reason.ONLY_CANDIDATE, "");
        }
        int untried = firstUntried(cs, est);
        if (untried >= 0) {
            return decision(request, est, untried, Reason.EXPLORE_UNTRIED, "no timing of its own on this device yet");
        }
        int best = argmin(est, false);
        int bestAdjusted = argmin(est, true);
        if (best < 0) {
            return decision(request, est, 0, Reason.COLD_START_DEFAULT, "no candidate has a prediction");
        }
        if (bestAdjusted != best) {
            return delayDecision(request, est, best, bestAdjusted);
        }
        double epsilon = EPSILON_0 * TAU / (TAU + call);
        if (explore && random.nextDouble() < epsilon) {
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i != best && !est.get(i).delay().delayed()) {
                    eligible.add(i);
                }
            }
            if (!eligible.isEmpty()) {
                int pick = eligible.get(random.nextInt(eligible.size()));
                double ratio = est.get(pick).expectedSeconds() / est.get(best).expectedSeconds();
                // a much slower candidate is re-measured less often, so the expected cost of an exploration stays
                // below about the best time; yet never at zero probability, so no candidate is excluded for good.
                // Well-known times are re-checked far less than times resting on one or two samples.
                boolean wellKnown = est.get(pick).prediction().samples() >= WELL_KNOWN;
                double accept = wellKnown ? Math.min(1, 4 / (ratio * ratio)) : Math.min(1, EXPLORE_RATIO / ratio);
                if (random.nextDouble() < accept) {
                    return decision(request, est, pick, Reason.EXPLORE_REFRESH, String.format(Locale.ROOT,
                            "re-measuring (exploration probability %.4f at call %d, predicted %.1fx the best)", epsilon, call, ratio));
                }
            }
        }
        return decision(request, est, best, Reason.FASTEST_PREDICTED, "");
    }

    private Decision delayDecision(SelectionRequest request, List<CandidateEstimate> est, int best, int bestAdjusted) {
        CandidateEstimate delayed = est.get(best);
        if (rule == DelayRule.INVERSE_SQUARE_DRAW) {
            double[] adjusted = est.stream().mapToDouble(CandidateEstimate::expectedSeconds).toArray();
            double[] p = InverseSquareDraw.probabilities(adjusted);
            int pick = InverseSquareDraw.draw(adjusted, random);
            return decision(request, est, pick, Reason.DELAY_DRAW, String.format(Locale.ROOT,
                    "%s is %s; drawn with P=%.3f (eq. 4)", delayed.label(), delayed.delay(), p[pick]));
        }
        Long last = lastRun.get(delayKey(request, request.candidates().get(best)));
        long since = last == null ? Long.MAX_VALUE : callsOf(request.operation()) - last;
        if (since >= PROBE_INTERVAL) {
            return decision(request, est, best, Reason.DELAY_PROBE,
                    delayed.label() + " is " + delayed.delay() + "; re-measuring it after " + since + " calls");
        }
        return decision(request, est, bestAdjusted, Reason.DELAY_AVOIDED, String.format(Locale.ROOT,
                "%s is %s: expected %s instead of %s", delayed.label(), delayed.delay(), Decision.ms(delayed.expectedSeconds()),
                Decision.ms(delayed.prediction().seconds())));
    }

    @Override
    public boolean observe(SelectionRequest request, Candidate ran, double seconds) {
        BenchmarkKey key = key(request, ran);
        DelayKey dk = delayKey(request, ran);
        boolean flagged = delays.observe(dk, seconds, store.window(key));
        store.record(key, request.cost(), new Sample(seconds, clock.millis(), flagged));
        lastRun.put(dk, callsOf(request.operation()));
        return flagged;
    }

    /** Delay states, for persistence between engines. */
    public DelayModel delayModel() {
        return delays;
    }

    /** The keys this selector has seen run. */
    public java.util.Set<DelayKey> observedKeys() {
        return java.util.Set.copyOf(lastRun.keySet());
    }

    private long callsOf(String operation) {
        AtomicLong c = calls.get(operation);
        return c == null ? 0 : c.get();
    }

    private int firstUntried(List<Candidate> cs, List<CandidateEstimate> est) {
        double best = Double.POSITIVE_INFINITY;
        for (CandidateEstimate e : est) {
            if (e.prediction().known()) {
                best = Math.min(best, e.expectedSeconds());
            }
        }
        int pick = -1;
        for (int i = 0; i < est.size(); i++) {
            PredictionSource s = est.get(i).prediction().source();
            boolean unknown = s == PredictionSource.UNKNOWN;
            boolean priorOnly = (s == PredictionSource.PRIOR_SAME_DEVICE || s == PredictionSource.PRIOR_SAME_KIND)
                    && est.get(i).expectedSeconds() <= EXPLORE_RATIO * best;
            if ((unknown || priorOnly) && (pick < 0 || rank(cs.get(i)) < rank(cs.get(pick)))) {
                pick = i;
            }
        }
        return pick;
    }

    /** Cold-start preference: accelerators first, since they win on most work worth accelerating. */
    private static int rank(Candidate c) {
        return switch (c.info().backend()) {
            case CUDA -> 0;
            case OPENCL -> 1;
            case CPU_THREADED -> 2;
            case CPU -> 3;
        };
    }

    private static int argmin(List<CandidateEstimate> est, boolean adjusted) {
        int best = -1;
        for (int i = 0; i < est.size(); i++) {
            CandidateEstimate e = est.get(i);
            double v = adjusted ? e.expectedSeconds() : e.prediction().seconds();
            if (e.prediction().known() && (best < 0 || v < (adjusted ? est.get(best).expectedSeconds() : est.get(best).prediction().seconds()))) {
                best = i;
            }
        }
        return best;
    }

    private Decision decision(SelectionRequest r, List<CandidateEstimate> est, int chosen, Reason reason, String detail) {
        return new Decision(sequence.incrementAndGet(), r.operation(), r.shape(), r.cost(), est, chosen, reason, detail);
    }

    private BenchmarkKey key(SelectionRequest r, Candidate c) {
        return new BenchmarkKey(r.operation(), c.implementationId(), c.deviceIdentity(), r.shape(), libraryVersion);
    }

    private static DelayKey delayKey(SelectionRequest r, Candidate c) {
        return new DelayKey(r.operation(), c.implementationId(), c.deviceIdentity());
    }
}
