package org.flowscope.engine.spi;

/**
 * One way of computing an {@link Operation}. Implementations are declared by class in their operation's
 * {@link OperationProvider#implementations()} and need a public no-argument constructor.
 * They keep no per-call state; device resources come from the {@link ExecutionContext}.
 */
public interface Implementation<P, I, O> {
    ImplementationInfo info();

    /** Whether this implementation can run on {@code device} (whose kind matches the backend), and why not. */
    default Availability availability(Device device) {
        return Availability.ok();
    }

    /**
     * Computes the operation. Returns only when the result is complete on the host (read back, stream synchronised):
     * the engine times this call. Throws {@link BackendUnavailableException}, {@link DeviceMemoryException} or
     * {@link KernelBuildException} on device trouble (the engine then falls back to another candidate); any other
     * exception is treated as a bug or bad input and propagates.
     */
    O run(P params, I input, ExecutionContext context);
}
