package org.flowscope.app.live;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.app.process.EsrrfOptions;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.methods.esrrf.EsrrfWindowOperator;
import picocli.CommandLine.Option;

/**
 * {@code --op esrrf}: one eSRRF frame per window, with {@code process esrrf}'s options. The stage runs on its own
 * engine (history as {@code --esrrf-store} / {@code --esrrf-no-history} say), which the engine's agent uses to
 * choose the implementation for every window unless {@code --backend} forces one.
 */
public final class EsrrfLive implements LiveExtension {
    /** The shared eSRRF options plus where the stage's engine keeps its history. */
    public static final class Options extends EsrrfOptions {
        @Option(names = "--esrrf-store", paramLabel = "DIR",
                description = "Benchmark history of the eSRRF stage's engine (default: ~/.flowscope/engine).")
        Path store;

        @Option(names = "--esrrf-no-history", description = "Keep the eSRRF stage's run times in memory only.")
        boolean noHistory;

        EngineConfig engineConfig() {
            if (noHistory) {
                return EngineConfig.inMemory();
            }
            return store == null ? EngineConfig.defaults() : EngineConfig.defaults().withStoreDir(store);
        }
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "esrrf";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Map<String, OperatorFactory> operators() {
        return Map.of("esrrf", setup -> {
            var params = options.params(0);
            var runOptions = options.runOptions();
            return new EsrrfWindowOperator(Engine.create(options.engineConfig()), params, runOptions, setup.window(),
                    setup.step());
        });
    }
}
