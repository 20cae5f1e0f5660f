package org.flowscope.mmplugin;

/**
 * Counters of a {@link FrameSender}. Every offered frame ends in exactly one of: acknowledged, undelivered, or
 * (while the sender runs) in flight, so {@code offered = acknowledged + undelivered + inFlight}.
 */
public final class SenderStats {
    public final long offered;
    public final long acknowledged;
    /** Dropped because the hand-off queue was full (the service or the network was slower than the camera). */
    public final long droppedQueueFull;
    /** Dropped because no service could be reached, or the service refused the stream. */
    public final long droppedUnreachable;
    /** Written to a connection that failed, or refused by the service, before it confirmed them. */
    public final long unconfirmed;
    public final long inFlight;
    public final String lastError;

    SenderStats(long offered, long acknowledged, long droppedQueueFull, long droppedUnreachable, long unconfirmed,
                long inFlight, String lastError) {
        this.offered = offered;
        this.acknowledged = acknowledged;
        this.droppedQueueFull = droppedQueueFull;
        this.droppedUnreachable = droppedUnreachable;
        this.unconfirmed = unconfirmed;
        this.inFlight = inFlight;
        this.lastError = lastError;
    }

    /** Frames that did not reach flowscope. */
    public long undelivered() {
        return droppedQueueFull + droppedUnreachable + unconfirmed;
    }

    /** For the dialog and the log. */
    public String summary() {
        return offered + " frames: " + acknowledged + " confirmed, " + undelivered() + " undelivered ("
                + droppedQueueFull + " queue full, " + droppedUnreachable + " no service, " + unconfirmed
                + " unconfirmed), " + inFlight + " in flight" + (lastError == null ? "" : "; last error: " + lastError);
    }

    @Override
    public String toString() {
        return summary();
    }
}
