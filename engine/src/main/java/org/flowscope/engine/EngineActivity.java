package org.flowscope.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.history.FailureKind;

/**
 * What an engine is doing and has done, for progress lines and run reports: the calls running now (with why their
 * candidate was chosen, so that a slow window on an exploratory or cold candidate can be named while it runs),
 * calls per candidate, cold runs, calibrations, explorations, and the failures survived by recomputing elsewhere.
 * Thread-safe; cheap enough to read a few times per second.
 */
public final class EngineActivity {
    private static final int RECOVERIES_KEPT = 100;

    /**
     * A call in progress.
     *
     * @param operation    operation id
     * @param candidate    implementation@device it runs on
     * @param reason       why it was chosen
     * @param expected     its expected seconds (NaN when unknown)
     * @param best         the best expected seconds among the candidates (NaN when none known)
     * @param cold         its first run in this engine (recorded as warm-up)
     * @param calibration  a calibration run on small seeded work, not the call's data
     * @param startedNanos when it started (engine clock)
     */
    public record Running(String operation, String candidate, Reason reason, double expected, double best, boolean cold,
            boolean calibration, long startedNanos) {
        /** Whether this call is why a caller may be waiting longer than usual. */
        public boolean notable() {
            return calibration || cold || reason == Reason.EXPLORE_UNTRIED || reason == Reason.EXPLORE_REFRESH
                    || reason == Reason.EXPLORE_COLD_RETRY || reason == Reason.DELAY_PROBE
                    || (expected > 2 * best && Double.isFinite(best));
        }

        /** e.g. "esrrf on esrrf.cpu@CPU ...: exploring, 12.0 s so far (estimate 42.3 s, best 5.0 s)". */
        public String describe(long nowNanos) {
            String why = calibration ? "calibrating on small work" : cold ? "first run in this process (cold)"
                    : switch (reason) {
                        case EXPLORE_UNTRIED -> "trying it for the first time";
                        case EXPLORE_REFRESH -> "re-measuring it";
                        case EXPLORE_COLD_RETRY -> "re-running it warm";
                        case DELAY_PROBE -> "checking whether its delay is over";
                        default -> "slow candidate";
                    };
            return String.format(Locale.ROOT, "%s on %s: %s, %.1f s so far (estimate %s, best %s)", operation, candidate, why,
                    (nowNanos - startedNanos) / 1e9, seconds(expected), seconds(best));
        }

        private static String seconds(double s) {
            return Double.isFinite(s) ? String.format(Locale.ROOT, "%.3g s", s) : "?";
        }
    }

    /**
     * A failure survived: the call was recomputed on another candidate.
     *
     * @param operation        operation id
     * @param failed           implementation@device that failed
     * @param kind             what went wrong
     * @param error            the error
     * @param atMillis         when (epoch ms)
     * @param retryAfterMillis when the failed candidate (or device) may be tried again (epoch ms)
     */
    public record Recovery(String operation, String failed, FailureKind kind, String error, long atMillis, long retryAfterMillis) {
        /** e.g. "esrrf.opencl@... DEVICE_LOST at 2026-12-03T08:00:00Z, retry after 2026-12-03T08:00:30Z: ...". */
        public String describe() {
            return failed + " " + kind + " at " + Instant.ofEpochMilli(atMillis) + ", retry after " + Instant.ofEpochMilli(retryAfterMillis)
                    + ": " + error;
        }
    }

    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Map<String, Long>> calls = new TreeMap<>();
    private final ArrayDeque<Recovery> recoveries = new ArrayDeque<>();
    private final AtomicLong recovered = new AtomicLong();
    private final AtomicLong coldRuns = new AtomicLong();
    private final AtomicLong calibrations = new AtomicLong();
    private final AtomicLong explorations = new AtomicLong();

    EngineActivity() {
    }

    long started(Decision d, String candidate, boolean cold, boolean calibration, long nowNanos) {
        long id = ids.incrementAndGet();
        double best = Double.NaN;
        for (var c : d.candidates()) {
            if (Double.isFinite(c.expectedSeconds()) && (Double.isNaN(best) || c.expectedSeconds() < best)) {
                best = c.expectedSeconds();
            }
        }
        running.put(id, new Running(d.operation(), candidate, d.reason(), d.choice().expectedSeconds(), best, cold, calibration, nowNanos));
        if (calibration) {
            calibrations.incrementAndGet();
        } else {
            synchronized (calls) {
                calls.computeIfAbsent(d.operation(), k -> new TreeMap<>()).merge(candidate, 1L, Long::sum);
            }
            if (cold) {
                coldRuns.incrementAndGet();
            }
            if (d.exploratory()) {
                explorations.incrementAndGet();
            }
        }
        return id;
    }

    void ended(long id) {
        running.remove(id);
    }

    void recovered(Recovery r) {
        recovered.incrementAndGet();
        synchronized (recoveries) {
            recoveries.addLast(r);
            if (recoveries.size() > RECOVERIES_KEPT) {
                recoveries.removeFirst();
            }
        }
    }

    /** The calls running now, oldest first. */
    public List<Running> running() {
        List<Running> out = new ArrayList<>(running.values());
        out.sort((a, b) -> Long.compare(a.startedNanos(), b.startedNanos()));
        return out;
    }

    /** Failures survived so far (the last {@value #RECOVERIES_KEPT}), oldest first. */
    public List<Recovery> recoveries() {
        synchronized (recoveries) {
            return List.copyOf(recoveries);
        }
    }

    /** Calls recomputed on another candidate after a failure. */
    public long recoveredCalls() {
        return recovered.get();
    }

    /**
     * What an engine did, for run.json.
     *
     * @param calls            operation → implementation@device → calls on the caller's data (calibrations excluded)
     * @param coldRuns         first runs of a candidate in this engine (kept as warm-ups)
     * @param calibrationRuns  runs on the engine's small seeded work
     * @param exploratoryCalls calls given to a candidate to learn its time
     * @param recomputedCalls  calls recomputed on another candidate after a failure
     * @param recoveries       the failures survived, in words ({@link Recovery#describe()}), oldest first
     */
    public record Report(Map<String, Map<String, Long>> calls, long coldRuns, long calibrationRuns, long exploratoryCalls,
            long recomputedCalls, List<String> recoveries) {
    }

    /** A report for run.json: calls per operation and candidate, cold runs, calibrations, explorations, recoveries. */
    public Report report() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        synchronized (calls) {
            calls.forEach((op, byCandidate) -> copy.put(op, new TreeMap<>(byCandidate)));
        }
        return new Report(copy, coldRuns.get(), calibrations.get(), explorations.get(), recovered.get(),
                recoveries().stream().map(Recovery::describe).toList());
    }
}
