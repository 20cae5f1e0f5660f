package org.flowscope.app.engine;

import java.nio.file.Path;
import org.flowscope.engine.EngineConfig;
import picocli.CommandLine.Option;

/**
 * Engine options shared by every command that builds an {@link org.flowscope.engine.Engine}; include with
 * {@code @Mixin EngineOptions engine;} and build with {@code Engine.create(engine.config())}.
 */
public final class EngineOptions {
    @Option(names = "--store", paramLabel = "DIR",
            description = "Benchmark history directory (default: ~/.flowscope/engine).")
    Path store;

    @Option(names = "--no-history", description = "Keep run times in memory only; read and write no history.")
    boolean noHistory;

    @Option(names = "--no-opencl", description = "Do not use OpenCL devices.")
    boolean noOpenCl;

    @Option(names = "--no-cuda", description = "Do not use CUDA devices.")
    boolean noCuda;

    @Option(names = "--detector", paramLabel = "robust|paper", defaultValue = "robust",
            description = "Delay detector: robust (median + 4 MAD, default) or paper (NanoPyx eqs. 1-5). Default: ${DEFAULT-VALUE}.")
    String detector;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed of the agent's random choices. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The configuration these options describe; IllegalArgumentException on a bad detector name. */
    public EngineConfig config() {
        EngineConfig c = noHistory ? EngineConfig.inMemory() : EngineConfig.defaults();
        if (store != null && !noHistory) {
            c = c.withStoreDir(store);
        }
        EngineConfig.Detector d = switch (detector.toLowerCase(java.util.Locale.ROOT)) {
            case "robust" -> EngineConfig.Detector.ROBUST;
            case "paper" -> EngineConfig.Detector.PAPER;
            default -> throw new IllegalArgumentException("--detector must be robust or paper, got '" + detector + "'");
        };
        return c.withOpenCl(!noOpenCl).withCuda(!noCuda).withDetector(d).withSeed(seed);
    }

    /** The history directory these options point at (null with --no-history). */
    public Path storeDir() {
        return config().storeDir();
    }
}
