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
 * (paper eq. 3), plus exploration bounded by its expected cost. One decision:
 * <ol>
 * <li>candidates never measured here on real work ("untried": known only from calibration runs, cold runs, factory
 * priors or nothing) are tried when that costs little: with nothing measured yet, the one with the smallest
 * estimate (one with no estimate at all first, accelerators before CPUs); otherwise one whose estimate is within
 * {@link #EXPLORE_RATIO} of the best measured. When the operation can make small seeded work, a candidate without
 * an own estimate is first calibrated on it ({@link Reason#CALIBRATE}: no real work at stake), so that a slow one
 * is seen to be slow on milliseconds of work, not on a whole window; a cold-only candidate (its first call in a
 * process was its only one) that looked slow is re-run warm with probability {@code min(1, best/cold)} per call
 * ({@link Reason#EXPLORE_COLD_RETRY}), so a one-off start-up cost is overcome at an expected cost of about one best
 * time per call;</li>
 * <li>if the delay adjustment does not change the winner, the fastest predicted wins (deterministic, as in
 * NanoPyx);</li>
 * <li>if it does: with {@link DelayRule#INVERSE_SQUARE_DRAW} (paper eq. 4) a candidate is drawn with probability
 * ∝ 1/adjusted²; with {@link DelayRule#AVOID_AND_PROBE} the adjusted winner runs, and the delayed fastest is re-run
 * at intervals that grow with the delay's age ({@link ProbeSchedule});</li>
 * <li>otherwise, with probability {@code ε_n = ε₀·τ/(τ + n)} after {@code n} calls of the operation, a random
 * undelayed other candidate is re-measured — if it is predicted {@code r} times slower than the best, only with
 * probability {@code min(1, 4/r²)} when its time is well known ({@value #WELL_KNOWN}+ samples of this work, or a
 * regression over several sizes), and then never beyond {@link #REAL_WORK_CAP}{@code ×} the best; {@code min(1, 4/r)}
 * when it rests on one or two samples (which may be accidents). The schedule decays, yet never stops
 * ({@code Σ ε_n} diverges).</li>
 * </ol>
 * Randomness comes from the injected, seeded generator. Thread-safe.
 */
public final class DelayAwareSelector implements ImplementationSelector {
    /** What to do when a delay changes the fastest candidate. */
    public enum DelayRule {
        /** Paper eq. 4. */
        INVERSE_SQUARE_DRAW,
        /** Run the adjusted winner; probe the delayed one at growing intervals ({@link ProbeSchedule}). */
        AVOID_AND_PROBE
    }

    public static final double EXPLORE_RATIO = 4;
    /** Untried candidates known only from priors are calibrated when their prior is within this of the best. */
    public static final double CALIBRATE_RATIO = 16;
    /** A re-measurement on real work never runs a candidate predicted more than this many times the best. */
    public static final double REAL_WORK_CAP = 8;
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
    private final ProbeSchedule probes = new ProbeSchedule();

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
        Decision untried = untried(request, est);
        if (untried != null) {
            return untried;
        }
        int best = argmin(est, false);
        int bestAdjusted = argmin(est, true);
        if (best < 0) {
            return decision(request, est, 0, Reason.COLD_START_DEFAULT, "no candidate has a prediction");
        }
        if (bestAdjusted != best) {
            return delayDecision(request, est, best, bestAdjusted);
        }
        Decision refresh = explore ? refresh(request, est, best, call) : null;
        return refresh != null ? refresh : decision(request, est, best, Reason.FASTEST_PREDICTED, "");
    }

    /** Whether the prediction rests on runs of real work by this candidate on this device. */
    private static boolean tried(PredictionSource s) {
        return s == PredictionSource.MEASURED || s == PredictionSource.REGRESSION || s == PredictionSource.NEAREST_SHAPE;
    }

    /** Step 1 of the class comment: an untried candidate to try or calibrate now, or null. */
    private Decision untried(SelectionRequest request, List<CandidateEstimate> est) {
        List<Candidate> cs = request.candidates();
        double bestTried = Double.POSITIVE_INFINITY;
        int unknown = -1;
        for (int i = 0; i < est.size(); i++) {
            PredictionSource s = est.get(i).prediction().source();
            if (tried(s)) {
                bestTried = Math.min(bestTried, est.get(i).expectedSeconds());
            } else if (s == PredictionSource.UNKNOWN && (unknown < 0 || rank(cs.get(i)) < rank(cs.get(unknown)))) {
                unknown = i;
            }
        }
        if (unknown >= 0) {
            return request.calibratable()
                    ? decision(request, est, unknown, Reason.CALIBRATE, "nothing known about it: calibrating on small work first")
                    : decision(request, est, unknown, Reason.EXPLORE_UNTRIED, "no timing of its own on this device yet");
        }
        boolean nothingTried = bestTried == Double.POSITIVE_INFINITY;
        int pick = -1;
        for (int i = 0; i < est.size(); i++) {
            CandidateEstimate e = est.get(i);
            PredictionSource s = e.prediction().source();
            if (tried(s)) {
                continue;
            }
            boolean ownEstimate = s == PredictionSource.CALIBRATION || s == PredictionSource.COLD_BOUND;
            if (request.calibratable() && !ownEstimate
                    && (nothingTried || s != PredictionSource.PRIOR_SAME_DEVICE && s != PredictionSource.PRIOR_SAME_KIND
                    || e.expectedSeconds() <= CALIBRATE_RATIO * bestTried)) {
                return decision(request, est, i, Reason.CALIBRATE, String.format(Locale.ROOT,
                        "known only from %s (%s): calibrating on small work before it may take real work", s,
                        Decision.ms(e.expectedSeconds())));
            }
            boolean withinReach = nothingTried || e.expectedSeconds() <= EXPLORE_RATIO * bestTried;
            if (withinReach && (pick < 0 || e.expectedSeconds() < est.get(pick).expectedSeconds())) {
                pick = i;
            }
        }
        if (pick >= 0) {
            CandidateEstimate e = est.get(pick);
            return decision(request, est, pick, Reason.EXPLORE_UNTRIED, nothingTried
                    ? String.format(Locale.ROOT, "nothing measured on real work here yet; smallest estimate (%s, %s)",
                            Decision.ms(e.expectedSeconds()), e.prediction().source())
                    : String.format(Locale.ROOT, "estimated %s (%s), within %.0fx the best measured %s",
                            Decision.ms(e.expectedSeconds()), e.prediction().source(), EXPLORE_RATIO, Decision.ms(bestTried)));
        }
        for (int i = 0; i < est.size() && explore; i++) {
            CandidateEstimate e = est.get(i);
            if (e.prediction().source() == PredictionSource.COLD_BOUND) {
                // its only runs were cold: the warm time may be far below; retried at an expected cost of about one
                // best time per call, so a start-up cost of r best times is overcome after about r calls
                double p = Math.min(1, bestTried / e.expectedSeconds());
                if (random.nextDouble() < p) {
                    return decision(request, est, i, Reason.EXPLORE_COLD_RETRY, String.format(Locale.ROOT,
                            "ran only cold (%s, %.1fx the best %s): re-run warm with probability %.3f",
                            Decision.ms(e.expectedSeconds()), e.expectedSeconds() / bestTried, Decision.ms(bestTried), p));
                }
            }
        }
        return null;
    }

    /** Step 4 of the class comment: a re-measurement of another candidate, or null. */
    private Decision refresh(SelectionRequest request, List<CandidateEstimate> est, int best, long call) {
        double epsilon = EPSILON_0 * TAU / (TAU + call);
        if (random.nextDouble() >= epsilon) {
            return null;
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < est.size(); i++) {
            if (i != best && !est.get(i).delay().delayed()) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty()) {
            return null;
        }
        int pick = eligible.get(random.nextInt(eligible.size()));
        double ratio = est.get(pick).expectedSeconds() / est.get(best).expectedSeconds();
        // a much slower candidate is re-measured less often, so the expected cost of an exploration stays below about
        // the best time; well-known times (3+ samples of this work, or a fit over several sizes) are re-checked far
        // less than times resting on one or two samples, and never when that would cost more than REAL_WORK_CAP best
        // times; a time resting on one or two samples may be an accident, so it stays open to re-measurement
        Prediction p = est.get(pick).prediction();
        boolean wellKnown = p.source() == PredictionSource.REGRESSION
                || p.source() == PredictionSource.MEASURED && p.samples() >= WELL_KNOWN;
        if (wellKnown && ratio > REAL_WORK_CAP) {
            return null;
        }
        double accept = wellKnown ? Math.min(1, 4 / (ratio * ratio)) : Math.min(1, EXPLORE_RATIO / ratio);
        if (random.nextDouble() < accept) {
            return decision(request, est, pick, Reason.EXPLORE_REFRESH, String.format(Locale.ROOT,
                    "re-measuring (exploration probability %.4f at call %d, predicted %.1fx the best)", epsilon, call, ratio));
        }
        return null;
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
        DelayKey dk = delayKey(request, request.candidates().get(best));
        Long last = lastRun.get(dk);
        long now = callsOf(request.operation());
        long since = last == null ? Long.MAX_VALUE : now - last;
        double fast = delayed.prediction().seconds();
        int interval = probes.interval(dk, now, fast, fast * delayed.delay().factor(), est.get(bestAdjusted).expectedSeconds());
        if (since >= interval) {
            return decision(request, est, best, Reason.DELAY_PROBE, String.format(Locale.ROOT,
                    "%s is %s; re-measuring it after %d calls (probe interval %d, delay seen %d calls ago)", delayed.label(),
                    delayed.delay(), since, interval, probes.age(dk, now)));
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
        if (!delays.state(dk).delayed()) {
            probes.ended(dk);
        }
        return flagged;
    }

    @Override
    public void record(SelectionRequest request, Candidate ran, double seconds, boolean warmup) {
        BenchmarkKey key = key(request, ran);
        Sample s = new Sample(seconds, clock.millis(), false);
        if (warmup) {
            store.recordWarmup(key, request.cost(), s);
        } else {
            store.record(key, request.cost(), s);
        }
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
        return new Decision(sequence.incrementAndGet(), r.operation(), r.shape(), r.cost(), est, chosen, reason, detail, r.excluded());
    }

    private BenchmarkKey key(SelectionRequest r, Candidate c) {
        return new BenchmarkKey(r.operation(), c.implementationId(), c.deviceIdentity(), r.shape(), libraryVersion);
    }

    private static DelayKey delayKey(SelectionRequest r, Candidate c) {
        return new DelayKey(r.operation(), c.implementationId(), c.deviceIdentity());
    }
}
