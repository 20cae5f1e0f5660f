package org.flowscope.simulators.load;

/**
 * Keeps one device busy until {@link #close()}: the contention side of the engine's delay-management experiment
 * (NanoPyx Extended Data Fig. 7). A load holds its resources from {@link #start()} to {@link #close()}.
 */
public interface DeviceLoad extends AutoCloseable {
    /** Allocates what the load holds and starts the busy work on background threads; returns once it runs. */
    void start();

    /** One line for logs, e.g. "CUDA NVIDIA H100: 4 contexts, 56.0 GiB held". */
    String describe();

    /** Stops the busy work and releases everything held. Idempotent. */
    @Override
    void close();
}
