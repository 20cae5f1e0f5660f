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

    /** Releases the context and everything cached on it. */
    @Override
    void close();
}
