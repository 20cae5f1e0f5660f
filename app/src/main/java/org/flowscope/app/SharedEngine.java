package org.flowscope.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.Engine;
import org.flowscope.engine.agent.Decision;

/**
 * The one engine of a live run, created on first use so that runs whose stages need none (e.g. {@code --op average})
 * never open devices or the history; {@code --explain} is attached when it is created.
 */
final class SharedEngine implements AutoCloseable {
    private final EngineOptions options;
    private final ImplementationRegistry registry;
    private final PrintWriter err;
    private final List<Consumer<Decision>> decisionListeners = new ArrayList<>();
    private Engine engine;
    private AutoCloseable explaining;

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
    public synchronized void close() {
        if (engine == null) {
            return;
        }
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
