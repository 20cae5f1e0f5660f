package org.flowscope.app;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineActivity;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.history.FailureKind;

/**
 * The one engine of a live run, created on first use so that runs whose stages need none (e.g. {@code --op average})
 * never open devices or the history; {@code --explain} is attached when it is created.
 *
 * <p>It reports on the run ({@link RunContributor}): the progress line names a call that is why the run may be
 * waiting (a first, cold run; a calibration; an exploration; a candidate expected to be much slower than the best),
 * and the failures recomputed elsewhere; {@code run.json}'s {@code engine} section has the calls per operation and
 * candidate, cold runs, calibrations, explorations, recomputed calls and the failure streaks in the history.
 */
final class SharedEngine implements AutoCloseable, RunContributor {
    private final EngineOptions options;
    private final ImplementationRegistry registry;
    private final PrintWriter err;
    private final List<Consumer<Decision>> decisionListeners = new ArrayList<>();
    private volatile Engine engine;
    private AutoCloseable explaining;
    private Section finalReport;

    /**
     * The {@code engine} section of run.json: what the engine did, and the failure streaks in its history.
     *
     * @param activity calls per candidate, cold runs, calibrations, explorations, recomputed calls (flattened)
     * @param failures candidates (or devices) left alone after failures
     */
    record Section(@JsonUnwrapped EngineActivity.Report activity, List<FailureStreak> failures) {
    }

    /**
     * A failure streak of the history store.
     *
     * @param operation      operation id
     * @param implementation implementation id
     * @param device         device label
     * @param kind           what went wrong
     * @param error          the last error
     * @param consecutive    failures in a row
     * @param firstUtc       the streak's first failure, ISO-8601
     * @param retryAfterUtc  when it may be tried again, ISO-8601
     */
    record FailureStreak(String operation, String implementation, String device, FailureKind kind, String error,
            int consecutive, String firstUtc, String retryAfterUtc) {
    }

    SharedEngine(EngineOptions options, ImplementationRegistry registry, PrintWriter err) {
        this.options = options;
        this.registry = registry;
        this.err = err;
        // the engine is made when an operation first needs it; its options are checked now, before the run starts
        options.config();
    }

    synchronized Engine get() {
        if (engine == null) {
            engine = Engine.create(options.config().withRegistry(registry));
            explaining = options.explain(engine, err);
            decisionListeners.forEach(l -> engine.decisions().subscribe(l));
        }
        return engine;
    }

    /** Calls {@code listener} with every decision of the engine (subscribed when the engine is created). */
    synchronized void onDecision(Consumer<Decision> listener) {
        decisionListeners.add(listener);
        if (engine != null) {
            engine.decisions().subscribe(listener);
        }
    }

    @Override
    public String section() {
        return "engine";
    }

    @Override
    public synchronized Object runJsonSection() {
        if (finalReport != null) {
            return finalReport;
        }
        // no engine was needed (e.g. --op average): no section
        return engine == null ? null : report(engine);
    }

    private static Section report(Engine e) {
        return new Section(e.activity().report(), e.failures().stream().map(f -> new FailureStreak(f.operation(),
                f.implementation(), f.device().label(), f.kind(), f.error(), f.consecutive(),
                Instant.ofEpochMilli(f.firstMillis()).toString(), Instant.ofEpochMilli(f.retryAfterMillis()).toString()))
                .toList());
    }

    @Override
    public Map<String, String> progressFields() {
        Engine e = engine;
        if (e == null) {
            return Map.of();
        }
        long now = e.config().nanoClock().getAsLong();
        for (EngineActivity.Running r : e.activity().running()) {
            if (r.notable()) {
                return Map.of("engine", r.describe(now));
            }
        }
        List<EngineActivity.Recovery> recoveries = e.activity().recoveries();
        if (!recoveries.isEmpty()) {
            EngineActivity.Recovery last = recoveries.get(recoveries.size() - 1);
            return Map.of("engine", String.format(java.util.Locale.ROOT, "%d call(s) recomputed after failures; last: %s %s, retry after %s",
                    e.activity().recoveredCalls(), last.failed(), last.kind(), java.time.Instant.ofEpochMilli(last.retryAfterMillis())));
        }
        return Map.of();
    }

    @Override
    public synchronized void close() {
        if (engine == null) {
            return;
        }
        finalReport = report(engine);
        try {
            explaining.close();
        } catch (Exception e) {
            err.println("flowscope: could not detach --explain: " + e);
        } finally {
            engine.close();
            engine = null;
        }
    }
}
