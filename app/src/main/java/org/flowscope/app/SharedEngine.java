package org.flowscope.app;

import java.io.PrintWriter;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.Engine;

/**
 * The one engine of a live run, created on first use so that runs whose stages need none (e.g. {@code --op average})
 * never open devices or the history; {@code --explain} is attached when it is created.
 */
final class SharedEngine implements AutoCloseable {
    private final EngineOptions options;
    private final ImplementationRegistry registry;
    private final PrintWriter err;
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
        }
        return engine;
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
