package org.flowscope.engine.spi;

/**
 * One way of computing an {@link Operation}. Implementations are declared in
 * {@code META-INF/services/org.flowscope.engine.spi.Implementation} and need a public no-argument constructor.
 * They keep no per-call state; device resources come from the {@link ExecutionContext}.
 */
public interface Implementation<P, I, O> {
    ImplementationInfo info();

    /** Whether this implementation can run on {@code device} (whose kind matches the backend), and why not. */
    default Availability availability(Device device) {
        return Availability.ok();
    }

    /** Computes the operation. Throws {@link BackendUnavailableException} or {@link DeviceMemoryException} on device trouble. */
    O run(P params, I input, ExecutionContext context);
}
