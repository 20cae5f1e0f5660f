package org.flowscope.engine;

import org.flowscope.engine.agent.FastestMeasuredSelector;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.history.JsonBenchmarkStore;
import org.flowscope.engine.model.CostRegressionModel;

/** Wires the engine's collaborators from its configuration. */
final class EngineParts {
    private EngineParts() {
    }

    static BenchmarkStore store(EngineConfig config) {
        return config.storeDir() == null ? new InMemoryBenchmarkStore(config.historyWindow())
                : new JsonBenchmarkStore(config.storeDir(), config.historyWindow(), config.flushInterval());
    }

    static FactoryPriors priors(EngineConfig config) {
        return config.priors() ? FactoryPriors.load(Thread.currentThread().getContextClassLoader()) : FactoryPriors.none();
    }

    static ImplementationSelector selector(EngineConfig config, BenchmarkStore store) {
        return new FastestMeasuredSelector(store, new CostRegressionModel(store, priors(config)), config.libraryVersion(), config.wallClock());
    }
}
