package org.flowscope.engine.spi;

import java.util.Objects;

/** Whether an implementation can run on a device, and if not, why. */
public record Availability(boolean available, String reason) {
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability ok() {
        return new Availability(true, "");
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
