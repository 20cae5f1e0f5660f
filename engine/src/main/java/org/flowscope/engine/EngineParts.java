package org.flowscope.engine;

import java.util.Random;
import org.flowscope.engine.agent.DelayAwareSelector;
import org.flowscope.engine.agent.DelayModel;
import org.flowscope.engine.agent.DelayStateFile;
import org.flowscope.engine.agent.FastestMeasuredSelector;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.agent.PaperDelayModel;
import org.flowscope.engine.agent.RobustDelayModel;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.history.JsonBenchmarkStore;
import org.flowscope.engine.model.CostRegressionModel;
import org.flowscope.engine.model.PerformanceModel;

/**
 * Wires the engine's collaborators from its configuration.
 *
 * @param store    the history
 * @param selector the agent
 * @param onClose  persists what must outlive the engine (delay states)
 */
record EngineParts(BenchmarkStore store, ImplementationSelector selector, Runnable onClose) {

    static EngineParts of(EngineConfig config) {
        BenchmarkStore store = config.storeDir() == null ? new InMemoryBenchmarkStore(config.historyWindow())
                : new JsonBenchmarkStore(config.storeDir(), config.historyWindow(), config.flushInterval());
        FactoryPriors priors = !config.priors() ? FactoryPriors.none() : config.factoryPriors() != null ? config.factoryPriors()
                : FactoryPriors.load(Thread.currentThread().getContextClassLoader());
        PerformanceModel model = new CostRegressionModel(store, priors);
        if (!config.agent()) {
            return new EngineParts(store, new FastestMeasuredSelector(store, model, config.libraryVersion(), config.wallClock()), () -> {
            });
        }
        boolean paper = config.detector() == EngineConfig.Detector.PAPER;
        DelayModel delays = paper ? new PaperDelayModel() : new RobustDelayModel();
        DelayAwareSelector selector = new DelayAwareSelector(store, model, delays,
                paper ? DelayAwareSelector.DelayRule.INVERSE_SQUARE_DRAW : DelayAwareSelector.DelayRule.AVOID_AND_PROBE,
                new Random(config.seed()), config.libraryVersion(), config.wallClock(), config.exploration());
        Runnable onClose = () -> {
        };
        if (config.storeDir() != null) {
            DelayStateFile file = new DelayStateFile(config.storeDir());
            delays.restore(file.load());
            onClose = () -> file.save(selector.observedKeys(), delays.states());
        }
        return new EngineParts(store, selector, onClose);
    }
}
