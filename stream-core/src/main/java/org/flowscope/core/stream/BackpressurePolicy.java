package org.flowscope.core.stream;

import java.util.Locale;

/** What the analysis branch does when it cannot keep up with the camera. The raw branch never drops. */
public enum BackpressurePolicy {
    /** Process every window; fall behind, spooling a bounded number of windows, then slow the producer. */
    LAG,
    /** Skip whole windows that arrive while the analysis is busy; each one is counted. */
    SKIP;

    /** Parses "lag" or "skip" (any case). */
    public static BackpressurePolicy parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown backpressure policy '" + s + "': use lag or skip");
        }
    }
}
