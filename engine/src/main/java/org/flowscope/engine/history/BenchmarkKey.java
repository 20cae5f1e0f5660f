package org.flowscope.engine.history;

import java.util.Objects;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.WorkShape;

/**
 * The typed key of one benchmark history: never a string rendering of the call's arguments.
 *
 * @param operation      operation id
 * @param implementation implementation id
 * @param device         identity of the device it ran on
 * @param shape          the work shape (dimensions, pixel type, parameters that matter)
 * @param libraryVersion flowscope version that measured it: an upgrade starts a fresh history
 */
public record BenchmarkKey(String operation, String implementation, DeviceIdentity device, WorkShape shape,
        String libraryVersion) {
    public BenchmarkKey {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }

    /** Same implementation on the same device, any shape. */
    public boolean sameSeries(String implementationId, DeviceIdentity deviceIdentity) {
        return implementation.equals(implementationId) && device.equals(deviceIdentity);
    }
}
