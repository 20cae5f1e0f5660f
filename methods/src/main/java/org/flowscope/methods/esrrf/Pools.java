package org.flowscope.methods.esrrf;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.ExecutionContext;

/** Where threaded work runs: the engine's CPU device pool, never the common pool. */
final class Pools {
    private Pools() {
    }

    static ForkJoinPool of(ExecutionContext context) {
        return context.device(CpuDevice.class).pool();
    }
}
