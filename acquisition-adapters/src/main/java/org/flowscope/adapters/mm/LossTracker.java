package org.flowscope.adapters.mm;

/**
 * Detects lost frames from what the drain loop observes: {@code ImageNumber} of each popped frame, the buffer's
 * remaining count between pops, and the overflow flag.
 *
 * <p>Rules (see {@code shared/docs/micromanager.md} §6–7):
 * <ul>
 *   <li>{@code ImageNumber} n greater than the expected e: {@code n − e} frames lost, one gap;</li>
 *   <li>n smaller than expected: the counter restarted (MMCore 10.x keeps it in the buffer and a clear resets
 *       it), so a whole buffer was cleared: one reset, at least {@code capacity + n} frames lost (inexact);</li>
 *   <li>the remaining count fell below what our own pops explain: the buffer was cleared under us. When the next
 *       frame's number shows no gap (or carries no number) one buffer's capacity is counted as lost (inexact);</li>
 *   <li>a finite run that ends with fewer frames than requested lost the difference.</li>
 * </ul>
 * Written by the drain thread only; read from any thread through {@link #snapshot()}.
 */
final class LossTracker {
    private final int capacity;
    private long expectedNumber;
    private boolean clearSuspected;
    private volatile long delivered;
    private volatile long lost;
    private volatile long gaps;
    private volatile long resets;
    private volatile boolean overflowed;
    private volatile boolean exact = true;

    LossTracker(int capacity) {
        this.capacity = Math.max(capacity, 1);
    }

    /** The remaining count fell below what pops explain: the buffer was cleared. */
    void bufferClearObserved() {
        clearSuspected = true;
    }

    void overflowObserved() {
        overflowed = true;
    }

    /**
     * Accounts for one popped frame and returns how many frames were lost just before it.
     *
     * @param imageNumber the frame's {@code ImageNumber}, or −1 when it carries none
     */
    long framePopped(long imageNumber) {
        long lostBefore = 0;
        boolean explained = false;
        if (imageNumber >= 0) {
            if (imageNumber > expectedNumber) {
                lostBefore = imageNumber - expectedNumber;
                gaps++;
                explained = true;
                if (clearSuspected) {
                    resets++;
                }
            } else if (imageNumber < expectedNumber) {
                lostBefore = capacity + imageNumber;
                resets++;
                exact = false;
                explained = true;
            }
            expectedNumber = imageNumber + 1;
        }
        if (clearSuspected && !explained) {
            lostBefore = capacity;
            resets++;
            exact = false;
        }
        clearSuspected = false;
        lost += lostBefore;
        delivered++;
        return lostBefore;
    }

    /**
     * The drain loop ended. A clear seen after the last frame is a reset; in an open-ended run one buffer's capacity
     * is counted as lost (a finite run counts the exact shortfall in {@link #finiteRunEnded}).
     */
    void drainEnded(boolean finite) {
        if (clearSuspected) {
            resets++;
            if (!finite) {
                lost += capacity;
                exact = false;
            }
            clearSuspected = false;
        }
    }

    /** A finite run ended: frames requested but neither delivered nor already counted as lost are lost. */
    void finiteRunEnded(long requested) {
        long missing = requested - delivered - lost;
        if (missing > 0) {
            lost += missing;
        }
    }

    MmLoss snapshot() {
        return new MmLoss(delivered, lost, gaps, resets, overflowed, exact);
    }
}
