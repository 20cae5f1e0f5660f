package org.flowscope.engine;

import java.util.Objects;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;

/**
 * One thing the agent can choose: an implementation on one device (an OpenCL implementation competes once per
 * OpenCL device).
 */
public record Candidate(Implementation<?, ?, ?> implementation, Device device) {
    public Candidate {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(device, "device");
    }

    public ImplementationInfo info() {
        return implementation.info();
    }

    public String implementationId() {
        return implementation.info().id();
    }

    public DeviceIdentity deviceIdentity() {
        return device.identity();
    }

    /** e.g. "conv2d.opencl@OPENCL NVIDIA H100 (132 CU)". */
    public String label() {
        return implementationId() + "@" + device.identity().label();
    }
}
