package org.flowscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.DeviceKind;

/**
 * How each executor builds its engine and what every call may run on: {@code process}'s engine options
 * ({@code --backend}, {@code --implementation}, {@code --device}, {@code --store}, {@code --no-history},
 * {@code --no-opencl}, {@code --no-cuda}) in a form Spark ships to the executors.
 *
 * @param backend        null (the engine's choice) or a device kind
 * @param implementation null, or the one implementation every call must run (e.g. {@code esrrf.cpu})
 * @param device         null, or text the device's model name must contain
 * @param store          history folder on the executor's machine; null for the default ({@code ~/.flowscope/engine})
 */
public record EngineSettings(DeviceKind backend, String implementation, String device, String store, boolean noHistory,
        boolean noOpenCl, boolean noCuda) implements Serializable {

    public EngineSettings {
        if (implementation != null && backend != null) {
            throw new IllegalArgumentException("--implementation " + implementation + " and --backend "
                    + backend.name().toLowerCase(Locale.ROOT) + " both choose; give one of them");
        }
    }

    /** The engine's own choice, history in memory: tests and one-off runs. */
    public static EngineSettings auto() {
        return new EngineSettings(null, null, null, null, true, false, false);
    }

    public EngineSettings withImplementation(String id) {
        return new EngineSettings(null, id, device, store, noHistory, noOpenCl, noCuda);
    }

    /** The engine configuration; a backend forced to one kind leaves the other GPU APIs unloaded. */
    public EngineConfig config() {
        EngineConfig c = noHistory ? EngineConfig.inMemory() : EngineConfig.defaults();
        if (store != null && !noHistory) {
            c = c.withStoreDir(Path.of(store));
        }
        boolean openCl = !noOpenCl && (backend == null || backend == DeviceKind.OPENCL);
        boolean cuda = !noCuda && (backend == null || backend == DeviceKind.CUDA);
        return c.withOpenCl(openCl).withCuda(cuda);
    }

    /** What each call may run on. */
    public RunOptions selection() {
        RunOptions o = implementation != null ? RunOptions.implementation(implementation)
                : backend != null ? RunOptions.deviceKind(backend) : RunOptions.auto();
        return device == null ? o : o.onDevice(device);
    }
}
