package org.flowscope.engine.history;

/**
 * How long a failed candidate is left alone: {@code base(kind) · 4^(n-1)} after the n-th failure in a row, at most
 * {@link #MAX_MILLIS}. Bases: out of memory 5 s (memory is often freed by the work that held it), device lost,
 * unavailable or faulted 30 s, kernel build 60 s (a build fails again until the driver or the source changes).
 */
public final class BackOff {
    public static final long MAX_MILLIS = 3_600_000L;

    private BackOff() {
    }

    /** The back-off after the {@code consecutive}-th failure in a row (&ge; 1), in ms. */
    public static long millis(FailureKind kind, int consecutive) {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive failures must be >= 1, got " + consecutive);
        }
        long base = switch (kind) {
            case OUT_OF_MEMORY -> 5_000L;
            case KERNEL_BUILD -> 60_000L;
            case DEVICE_LOST, UNAVAILABLE, FAULT -> 30_000L;
        };
        long factor = 1L << (2 * Math.min(consecutive - 1, 10));
        return Math.min(MAX_MILLIS, base * factor);
    }
}
