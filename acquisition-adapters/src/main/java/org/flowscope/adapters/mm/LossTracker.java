package org.flowscope.adapters.mm;

/**
 * Counts lost frames from what the source observes: the {@code ImageNumber} of each popped frame, the buffer's
 * remaining count (read by the drain loop between pops and by the monitor while the consumer is slow), pops that
 * find the buffer empty, and the overflow flag.
 *
 * <p>Rules (see {@code shared/docs/micromanager.md} §6–7, checked against MMCore 10.1.1 and 12.5.0):
 * <ul>
 *   <li>A whole-buffer clear (continuous or overwrite mode) discards the {@code capacity} unread frames of a full
 *       buffer. A clear is seen when the remaining count falls below what our own pops explain or a pop finds the
 *       buffer empty; it is counted at once, as one reset and {@code capacity} lost frames, so the progress line
 *       shows it while it happens;</li>
 *   <li>{@code ImageNumber} n above the expected e (MMCore 12.x numbers frames per camera and a clear does not
 *       reset the count): exactly {@code n − e} frames were lost since the last pop. That replaces the provisional
 *       count of the clears seen in between, and {@code (n − e) / capacity} clears happened (one per full buffer),
 *       however many were seen;</li>
 *   <li>n below e and below one buffer's capacity: the counter restarted (MMCore 10.x keeps it in the buffer and
 *       every clear resets it). At least one clear happened; clears between two observations cannot be told apart,
 *       so the count becomes a lower bound ({@link MmLoss#exact()} false);</li>
 *   <li>n below e but not a restart: a frame out of order (MMCore's pop raced a camera that lapped the buffer),
 *       counted in {@link MmLoss#outOfOrder()};</li>
 *   <li>the next number in line after a seen clear: the clear was not one (the count it was judged by was stale),
 *       and its provisional count is taken back;</li>
 *   <li>a finite run that ran to its end lost exactly the requested frames it did not deliver, and that is known
 *       as soon as the camera stopped on overflow: nothing is inserted afterwards, and what is in the buffer will
 *       still be delivered.</li>
 * </ul>
 * Every method is called with the source's core lock held (drain thread or monitor), so the counts are consistent
 * with each other; {@link #snapshot()} may be called from any thread.
 */
final class LossTracker {
    private volatile int capacity;
    private long expectedNumber;
    private long clearsSincePop;
    private long provisionalSincePop;
    /** Lost frames already turned into sequence gaps before a delivered frame. */
    private long lostBeforeDelivered;
    /** Frames of a finite run the camera never acquired (it stopped on overflow): after the last frame. */
    private volatile long neverAcquired;
    private volatile long delivered;
    private volatile long lost;
    private volatile long gaps;
    private volatile long resets;
    private volatile long outOfOrder;
    private volatile boolean overflowed;
    private volatile boolean exact = true;
    private volatile boolean cameraStopped;

    /** {@code capacity}: frames the circular buffer holds; read after the sequence started (it is 0 before). */
    LossTracker(int capacity) {
        this.capacity = capacity;
    }

    void capacity(int frames) {
        capacity = frames;
    }

    int capacity() {
        return capacity;
    }

    /** The buffer was cleared under us (remaining count fell, or a pop found it empty). */
    void clearObserved() {
        long discarded = Math.max(capacity, 1);
        clearsSincePop++;
        provisionalSincePop += discarded;
        resets++;
        lost += discarded;
    }

    /**
     * The camera stopped because its stop-on-overflow buffer was full. In a finite run ({@code requested} not null)
     * every requested frame neither delivered, nor among the {@code remaining} waiting, nor already counted is lost,
     * and that is final now: the loss is counted before the flag is raised, so no reader sees one without the other.
     */
    void overflowObserved(Long requested, int remaining) {
        if (requested != null) {
            neverAcquired = Math.max(requested - delivered - remaining - lost, neverAcquired);
        }
        overflowed = true;
        cameraStopped = true;
    }

    /**
     * Accounts for one popped frame and returns how many frames were lost just before it (the source skips that
     * many sequence numbers, so downstream gap counting agrees).
     *
     * @param imageNumber the frame's {@code ImageNumber}, or −1 when it carries none
     */
    long framePopped(long imageNumber) {
        if (imageNumber >= 0 && imageNumber < expectedNumber && imageNumber >= Math.max(capacity, 1)) {
            // Not a restart (a restarted count is below one buffer's worth): a frame older than one already
            // delivered. MMCore's pop copies its slot after releasing the buffer lock, so a camera that laps the
            // buffer meanwhile mixes two frames (seen with MMCore 12.5.0 and a 2-frame buffer). Counted, and the
            // loss bookkeeping waits for the next frame in order.
            outOfOrder++;
            delivered++;
            return 0;
        }
        if (imageNumber >= 0) {
            if (imageNumber > expectedNumber) {
                long gap = imageNumber - expectedNumber;
                gaps++;
                lost += gap - provisionalSincePop;
                int cap = capacity;
                long clears = cap > 0 ? gap / cap : 0;
                if (clears > clearsSincePop) {
                    resets += clears - clearsSincePop;
                }
            } else if (imageNumber < expectedNumber) {
                if (clearsSincePop == 0) {
                    clearObserved();
                }
                lost += imageNumber;
                exact = false;
            } else if (clearsSincePop > 0) {
                // A real clear skips numbers (12.x) or restarts them (10.x); the next number in line means the
                // remaining count we compared with was stale (a pop raced an insertion), not a clear.
                lost -= provisionalSincePop;
                resets -= clearsSincePop;
            }
            expectedNumber = imageNumber + 1;
        } else if (clearsSincePop > 0) {
            exact = false;
        }
        clearsSincePop = 0;
        provisionalSincePop = 0;
        long before = lost - lostBeforeDelivered;
        lostBeforeDelivered = lost;
        delivered++;
        return before;
    }

    /**
     * A finite run ended without a stop request: the requested frames that were not delivered were lost, exactly.
     */
    void finiteRunEnded(long requested) {
        // Whatever was counted after the last frame (never acquired, or a provisional clear) becomes the exact rest.
        long total = Math.max(requested - delivered, lostBeforeDelivered);
        lost = lostBeforeDelivered;
        neverAcquired = total - lostBeforeDelivered;
        exact = true;
    }

    /** Frames lost after the last delivered frame: no sequence gap can show them. */
    long lostAfterLastFrame() {
        return Math.max(lost - lostBeforeDelivered, 0) + neverAcquired;
    }

    MmLoss snapshot() {
        return new MmLoss(delivered, lost + neverAcquired, gaps, resets, outOfOrder, overflowed, exact);
    }

    /** True once the camera was seen stopped on overflow. */
    boolean cameraStopped() {
        return cameraStopped;
    }
}
