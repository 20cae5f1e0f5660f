package org.flowscope.engine.history;

/**
 * One measured run.
 *
 * @param seconds     wall time of the implementation call alone (no selection, no bookkeeping)
 * @param epochMillis when it finished
 * @param delayed     whether the delay detector flagged it as slowed by something outside the work (contention)
 */
public record Sample(double seconds, long epochMillis, boolean delayed) {
    public Sample {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("sample seconds must be finite and >= 0, got " + seconds);
        }
    }
}
