package org.flowscope.engine;

import org.flowscope.engine.agent.FastestMeasuredSelector;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.model.CostRegressionModel;

/** Wires the engine's collaborators from its configuration. */
final class EngineParts {
    private EngineParts() {
    }

    static BenchmarkStore store(EngineConfig config) {
        return new InMemoryBenchmarkStore(config.historyWindow());
    }

    static ImplementationSelector selector(EngineConfig config, BenchmarkStore store) {
        return new FastestMeasuredSelector(store, new CostRegressionModel(store), config.libraryVersion(), config.wallClock());
    }
}
