package org.flowscope.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineActivity;
import org.flowscope.engine.agent.Decision;

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
    private Map<String, Object> finalReport;

    SharedEngine(EngineOptions options, ImplementationRegistry registry, PrintWriter err) {
        this.options = options;
        this.registry = registry;
        this.err = err;
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
        return engine == null ? Map.of() : report(engine);
    }

    private static Map<String, Object> report(Engine e) {
        Map<String, Object> m = new LinkedHashMap<>(e.activity().report());
        m.put("failures", e.failures().stream().map(f -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operation", f.operation());
            r.put("implementation", f.implementation());
            r.put("device", f.device().label());
            r.put("kind", f.kind().name());
            r.put("error", f.error());
            r.put("consecutive", f.consecutive());
            r.put("firstUtc", java.time.Instant.ofEpochMilli(f.firstMillis()).toString());
            r.put("retryAfterUtc", java.time.Instant.ofEpochMilli(f.retryAfterMillis()).toString());
            return r;
        }).toList());
        return m;
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
