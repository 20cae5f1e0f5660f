package org.flowscope.simulators.camera;

import java.util.Locale;

/** How the simulated camera spaces its frames in time. */
public enum Pacing {
    /** Frame i is delivered at start + i / fps (wall clock); timestamps are real. */
    REAL_TIME,
    /** Frames as fast as they can be rendered and consumed; timestamps are real. */
    AS_FAST_AS_POSSIBLE,
    /** No waiting; timestamps are virtual: frame i is stamped i / fps seconds (for tests and offline generation). */
    VIRTUAL;

    public static Pacing parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "real_time", "realtime", "real" -> REAL_TIME;
            case "as_fast_as_possible", "fast", "max" -> AS_FAST_AS_POSSIBLE;
            case "virtual" -> VIRTUAL;
            default -> throw new IllegalArgumentException("unknown pacing '" + s + "': use realtime, fast or virtual");
        };
    }
}
