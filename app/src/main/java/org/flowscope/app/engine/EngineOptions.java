package org.flowscope.app.engine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.DeviceKind;
import picocli.CommandLine.Option;

/**
 * The one engine grammar of every command that runs an operation ({@code process <op>}, {@code live}, {@code serve},
 * {@code engine benchmark|conformance}): which implementations may run ({@code --backend}, {@code --implementation},
 * {@code --device}), what the engine remembers ({@code --store}, {@code --no-history}) and what it says
 * ({@code --explain}). Include with {@code @Mixin EngineOptions engine;}.
 */
public final class EngineOptions {
    /** The {@code --backend} values: a kind of device, or the engine's choice. */
    public enum BackendChoice {
        AUTO(null), CPU(DeviceKind.CPU), OPENCL(DeviceKind.OPENCL), CUDA(DeviceKind.CUDA);

        private final DeviceKind kind;

        BackendChoice(DeviceKind kind) {
            this.kind = kind;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--backend", paramLabel = "auto|cpu|opencl|cuda", description = "Run on this kind of device; auto (default) lets the engine choose per call. Values: ${COMPLETION-CANDIDATES}.")
    BackendChoice backend = BackendChoice.AUTO;

    @Option(names = "--implementation", paramLabel = "ID",
            description = "Run exactly this implementation (e.g. esrrf.cpu for the single-threaded reference, conv2d.opencl); "
                    + "`flowscope engine devices` lists them.")
    String implementation;

    @Option(names = "--device", paramLabel = "TEXT",
            description = "Only devices whose model name contains TEXT (case-insensitive), e.g. H200 or pthread.")
    String device;

    @Option(names = "--explain", description = "Print the engine's decisions: candidates, predicted times, delay state, and why.")
    boolean explain;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Benchmark history directory (default: ~/.flowscope/engine).")
    Path store;

    @Option(names = "--no-history", description = "Keep run times in memory only; read and write no history.")
    boolean noHistory;

    @Option(names = "--no-opencl", description = "Do not use OpenCL devices.")
    boolean noOpenCl;

    @Option(names = "--no-cuda", description = "Do not use CUDA devices.")
    boolean noCuda;

    @Option(names = "--detector", paramLabel = "robust|paper", description = "Delay detector: robust (median + 4 MAD, default) or paper (NanoPyx eqs. 1-5). Values: ${COMPLETION-CANDIDATES}.")
    EngineConfig.Detector detector = EngineConfig.Detector.ROBUST;

    @Option(names = "--agent-seed", defaultValue = "20261124", description = "Seed of the agent's random choices. Default: ${DEFAULT-VALUE}.")
    long seed = 20261124L;

    /**
     * The engine configuration. A backend forced to the CPU (or to one GPU API) leaves the other device APIs
     * undiscovered, so a CPU run never loads GPU libraries.
     */
    public EngineConfig config() {
        EngineConfig c = noHistory ? EngineConfig.inMemory() : EngineConfig.defaults();
        if (store != null && !noHistory) {
            if (java.nio.file.Files.exists(store) && !java.nio.file.Files.isDirectory(store)) {
                // the history would otherwise fail to be written on every call, with a warning in the log only
                throw new IllegalArgumentException("--store must be a directory (the engine's run-time history), but "
                        + store + " is a file");
            }
            c = c.withStoreDir(store);
        }
        boolean openCl = !noOpenCl && (backend == BackendChoice.AUTO || backend == BackendChoice.OPENCL);
        boolean cuda = !noCuda && (backend == BackendChoice.AUTO || backend == BackendChoice.CUDA);
        return c.withOpenCl(openCl).withCuda(cuda).withDetector(detector).withSeed(seed);
    }

    /** What the engine may choose from on every call of this command. */
    public RunOptions selection() {
        RunOptions o = implementation != null ? RunOptions.implementation(implementation)
                : backend.kind != null ? RunOptions.deviceKind(backend.kind) : RunOptions.auto();
        if (implementation != null && backend.kind != null) {
            throw new IllegalArgumentException("--implementation " + implementation + " and --backend " + backend
                    + " both choose; give one of them");
        }
        return device == null ? o : o.onDevice(device);
    }

    /** Starts printing decisions to {@code out} when {@code --explain} is given; close the handle to stop. */
    public AutoCloseable explain(Engine engine, PrintWriter out) {
        if (!explain) {
            return () -> {
            };
        }
        return engine.decisions().subscribe(d -> {
            out.print(d.explain());
            out.flush();
        });
    }

    public boolean explaining() {
        return explain;
    }

    /** The history directory these options point at (null with --no-history). */
    public Path storeDir() {
        return config().storeDir();
    }
}
