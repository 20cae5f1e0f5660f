package org.flowscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
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
 * @param implementations implementations to run, at most one per operation (ids are {@code <operation>.<variant>}:
 *                        {@code esrrf.cpu}, {@code drift-correct.cpu}); an operation without one here is the engine's
 *                        choice (a single id keeps the engine's own rule: it restricts only its operation)
 * @param device         null, or text the device's model name must contain
 * @param store          history folder on the executor's machine; null for the default ({@code ~/.flowscope/engine})
 */
public record EngineSettings(DeviceKind backend, List<String> implementations, String device, String store, boolean noHistory,
        boolean noOpenCl, boolean noCuda) implements Serializable {

    public EngineSettings {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
        if (!implementations.isEmpty() && backend != null) {
            throw new IllegalArgumentException("--implementation " + String.join(",", implementations) + " and --backend "
                    + backend.name().toLowerCase(Locale.ROOT) + " both choose; give one of them");
        }
        for (int i = 0; i < implementations.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (operationOf(implementations.get(i)).equals(operationOf(implementations.get(j)))) {
                    throw new IllegalArgumentException("--implementation gives two implementations of one operation: "
                            + implementations.get(j) + " and " + implementations.get(i));
                }
            }
        }
    }

    /** The operation an implementation id belongs to: the id up to its last dot ({@code esrrf.cpu} → {@code esrrf}). */
    static String operationOf(String implementationId) {
        int dot = implementationId.lastIndexOf('.');
        return dot < 0 ? implementationId : implementationId.substring(0, dot);
    }

    /** The engine's own choice, history in memory: tests and one-off runs. */
    public static EngineSettings auto() {
        return new EngineSettings(null, List.of(), null, null, true, false, false);
    }

    public EngineSettings withImplementation(String id) {
        return new EngineSettings(null, List.of(id), device, store, noHistory, noOpenCl, noCuda);
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

    /** What each call of operation {@code operationId} may run on. */
    public RunOptions selection(String operationId) {
        String id = implementations.stream().filter(i -> operationOf(i).equals(operationId)).findFirst()
                .orElse(implementations.size() == 1 ? implementations.get(0) : null);
        RunOptions o = id != null ? RunOptions.implementation(id)
                : backend != null ? RunOptions.deviceKind(backend) : RunOptions.auto();
        return device == null ? o : o.onDevice(device);
    }
}
