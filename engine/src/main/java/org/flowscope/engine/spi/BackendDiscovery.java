package org.flowscope.engine.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link BackendProvider} found: its devices, or why it has none and how to fix that.
 *
 * @param devices the opened devices (the caller closes them)
 * @param reason  empty when devices were found, otherwise the cause in words (e.g. "libOpenCL.so.1 not found")
 * @param remedy  what to install or change, empty when nothing can be suggested
 */
public record BackendDiscovery(List<Device> devices, String reason, String remedy) {
    public BackendDiscovery {
        devices = List.copyOf(devices);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
    }

    public static BackendDiscovery found(List<? extends Device> devices) {
        return new BackendDiscovery(List.copyOf(devices), "", "");
    }

    public static BackendDiscovery unavailable(String reason, String remedy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable backend needs a reason, got '" + reason + "'");
        }
        return new BackendDiscovery(List.of(), reason, remedy);
    }
}
