package org.flowscope.engine.device;

import java.util.Objects;
import org.flowscope.engine.spi.DeviceKind;

/**
 * What discovery found for one backend: how many devices, and if none, why (no loader, no driver, disabled).
 *
 * @param kind    the backend's device kind
 * @param devices number of usable devices found
 * @param reason  empty when devices were found, otherwise the cause in words
 */
public record BackendStatus(DeviceKind kind, int devices, String reason) {
    public BackendStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean available() {
        return devices > 0;
    }
}
