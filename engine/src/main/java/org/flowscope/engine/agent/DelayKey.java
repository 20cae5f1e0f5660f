package org.flowscope.engine.agent;

import java.util.Objects;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * What a delay belongs to: an implementation of one operation on one device. NanoPyx keys delays by runtype name
 * only, so a slowdown of one method's "opencl" penalises every other method's; this key does not.
 */
public record DelayKey(String operation, String implementation, DeviceIdentity device) {
    public DelayKey {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(device, "device");
    }
}
