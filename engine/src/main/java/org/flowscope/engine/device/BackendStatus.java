package org.flowscope.engine.device;

import java.util.Objects;
import org.flowscope.engine.spi.DeviceKind;

/**
 * What discovery found for one backend: how many devices, and if none, why (no loader, no driver, disabled, module
 * not on the class path) and what to install.
 *
 * @param kind    the backend's device kind
 * @param devices number of usable devices found
 * @param reason  empty when devices were found, otherwise the cause in words
 * @param remedy  what to install or change; empty when devices were found or nothing can be suggested
 */
public record BackendStatus(DeviceKind kind, int devices, String reason, String remedy) {
    public BackendStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
    }

    public BackendStatus(DeviceKind kind, int devices, String reason) {
        this(kind, devices, reason, "");
    }

    public boolean available() {
        return devices > 0;
    }
}
