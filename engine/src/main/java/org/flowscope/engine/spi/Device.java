package org.flowscope.engine.spi;

/**
 * A compute device with its long-lived resources (context, queue, kernel cache, buffer pool). Implementations
 * receive the concrete subtype they declared through {@link ExecutionContext#device(Class)}.
 */
public interface Device extends AutoCloseable {
    DeviceIdentity identity();

    default DeviceKind kind() {
        return identity().kind();
    }

    /**
     * Total time this device has spent building kernels or loading modules, in nanoseconds; 0 for devices that
     * build nothing. The engine subtracts the growth during a run from that run's time, so a first run's build is
     * not recorded as run time.
     */
    default long buildNanos() {
        return 0;
    }

    /** Releases the context and everything cached on it. */
    @Override
    void close();
}
