package org.flowscope.adapters.mm;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core of one {@link MmCoreSource} behind one lock, shared by the drain thread and the buffer monitor.
 *
 * <p>Why a lock: the drain thread blocks in the consumer whenever flowscope falls behind, and only a second thread
 * can then see the camera stop on overflow or the buffer being cleared while it happens. Both threads compare the
 * remaining count with what they expect ({@link #expectedRemaining}), so count, pop and bookkeeping must not
 * interleave; and nothing may call into MMCore after {@link #release()} deleted it.
 */
final class CoreSession {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSession.class);
    /** Pops in a row that find the buffer empty although the count said otherwise, before this is an error. */
    private static final int MAX_EMPTY_POPS = 1000;

    /** What one drain step found. */
    record Step(MmImage image, long lostBefore, boolean ended) {
        static final Step NOTHING_YET = new Step(null, 0, false);
        static final Step END = new Step(null, 0, true);
    }

    private final MmCorePort core;
    private final String camera;
    private final LossTracker loss;
    private boolean released;
    private boolean cameraStopped;
    private int expectedRemaining;
    private int emptyPops;
    private volatile long emptyPopsTotal;
    private volatile int fill;

    CoreSession(MmCorePort core, String camera, LossTracker loss) {
        this.core = core;
        this.camera = camera;
        this.loss = loss;
    }

    /** Starts the sequence, then reads the buffer's capacity: MMCore reports 0 until the first start. */
    synchronized int start(Long frames) {
        if (frames != null) {
            call("startSequenceAcquisition(" + frames + ", 0, true)",
                    () -> core.startSequenceAcquisition(frames.intValue(), true));
        } else {
            call("startContinuousSequenceAcquisition(0)", core::startContinuousSequenceAcquisition);
        }
        int capacity = core.bufferTotalCapacity();
        loss.capacity(capacity);
        return capacity;
    }

    /** Pops that found the buffer cleared since the count before them (each counted as a reset). */
    long emptyPops() {
        return emptyPopsTotal;
    }

    /** Frames waiting in MMCore's buffer at the last look (progress line). */
    int fill() {
        return fill;
    }

    /**
     * Pops the next frame, or says that none is there yet, or that the acquisition ended (camera stopped, buffer
     * empty). A pop that finds the buffer empty after a positive count is a buffer clear, not an error: MMCore
     * clears the whole buffer when a frame arrives into a full one, between our count and our pop.
     */
    synchronized Step next() {
        if (released) {
            return Step.END;
        }
        int remaining = look();
        if (remaining == 0) {
            // Re-read after isSequenceRunning: a last frame may land between the two calls.
            return !core.isSequenceRunning() && core.remainingImageCount() == 0 ? Step.END : Step.NOTHING_YET;
        }
        MmImage image;
        try {
            image = core.popNextImage();
        } catch (Exception e) {
            int now = core.remainingImageCount();
            if (!isEmptyBuffer(e) && now >= remaining) {
                throw new MmCoreException("mm: popNextImageMD failed on " + camera + ": " + e.getMessage(), e);
            }
            if (++emptyPops > MAX_EMPTY_POPS) {
                throw new MmCoreException("mm: popNextImageMD on " + camera + " found the buffer empty " + emptyPops
                        + " times in a row although MMCore counted " + now + " waiting frames: " + e.getMessage(), e);
            }
            loss.clearObserved();
            emptyPopsTotal++;
            expectedRemaining = now;
            return Step.NOTHING_YET;
        }
        emptyPops = 0;
        expectedRemaining = remaining - 1;
        long lostBefore = loss.framePopped(MmFrames.longTag(image, MmImage.IMAGE_NUMBER));
        return new Step(image, lostBefore, false);
    }

    /**
     * One look by the monitor while the drain thread may be blocked in the consumer: a clear shows as a count
     * below what is expected; a finite run's camera that stopped on overflow fixes its loss at once.
     */
    synchronized void monitor(Long finiteFrames) {
        if (released) {
            return;
        }
        int remaining = look();
        if (!loss.cameraStopped() && !core.isSequenceRunning() && core.isBufferOverflowed()) {
            // a camera that stopped on overflow lost the rest of a finite run, whether or not a stop was asked for
            loss.overflowObserved(finiteFrames, remaining);
            LOG.warn("mm: {}'s circular buffer ({} frames) filled and the camera stopped: flowscope fell behind",
                    camera, loss.capacity());
        }
    }

    private int look() {
        int remaining = core.remainingImageCount();
        if (remaining < expectedRemaining) {
            loss.clearObserved();
        }
        expectedRemaining = remaining;
        fill = remaining;
        return remaining;
    }

    private static boolean isEmptyBuffer(Exception e) {
        // MMCore's only failure of popNextImageMD is "Circular buffer is empty." (both 10.1.1 and 12.5.0)
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("empty");
    }

    /** After the drain ended: the overflow flag stays set until the next start, so it is read once more here. */
    synchronized boolean overflowed(Long finiteFrames) {
        if (!released && !loss.cameraStopped() && core.isBufferOverflowed()) {
            loss.overflowObserved(finiteFrames, core.remainingImageCount());
        }
        return loss.cameraStopped();
    }

    /** Stops the camera once; frames already in the buffer can still be popped. */
    synchronized void stopCamera() {
        if (released || cameraStopped) {
            return;
        }
        cameraStopped = true;
        try {
            core.stopSequenceAcquisition();
        } catch (Exception e) {
            LOG.warn("mm: stopSequenceAcquisition on {} failed: {}", camera, e.getMessage());
        }
    }

    /** Stops the camera and releases the core; later calls do nothing. */
    synchronized void release() {
        if (released) {
            return;
        }
        stopCamera();
        released = true;
        core.close();
    }

    @FunctionalInterface
    interface CoreCall {
        void run() throws Exception;
    }

    /** Runs a core call, turning MMCore's plain {@link Exception} into an {@link MmCoreException} naming the call. */
    static void call(String what, CoreCall call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MmCoreException("mm: MMCore refused " + what + ": " + e.getMessage(), e);
        }
    }
}
