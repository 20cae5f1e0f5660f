package org.flowscope.methods.numerics.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.ExecutionContext;

/** The thread pool a threaded CPU implementation runs on, and joining its tasks with their failures intact. */
public final class CpuPools {
    private CpuPools() {
    }

    /** The engine CPU device's pool (threaded implementations never use the common pool). */
    public static ForkJoinPool of(ExecutionContext context) {
        return context.device(CpuDevice.class).pool();
    }

    /** Waits for every task; rethrows the first failure unchecked. */
    public static void joinAll(List<Future<?>> futures) {
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for worker threads", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) {
                    first = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
