package org.flowscope.core.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.WindowEnd;

/**
 * What one camera frame brings to a streaming analysis ({@link FrameFlux#stream}): the frame to analyse (null when
 * only skipped windows contain it) and, when it was a window's last frame, the window's end mark (null otherwise).
 * The holder either hands {@link #frame()} on (the analysis) or calls {@link #release()} (a discarded step).
 */
public final class StreamStep {
    private final StreamFrame frame;
    private final WindowEnd end;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param frame the frame, with one reference owned by this step's holder, or null
     * @param end   the end of the window it completes, or null
     */
    public StreamStep(StreamFrame frame, WindowEnd end) {
        this.frame = frame;
        this.end = end;
    }

    /** The frame to analyse, or null. */
    public StreamFrame frame() {
        return frame;
    }

    /** The end mark of the window this frame completes, or null. */
    public WindowEnd end() {
        return end;
    }

    /**
     * Releases the frame's reference, if any (a step that will not be analysed). At most once: when a cancel races
     * an element into {@code publishOn}'s queue, Reactor can hand the same element to the discard hook twice.
     */
    public void release() {
        if (frame != null && released.compareAndSet(false, true)) {
            frame.release();
        }
    }

    @Override
    public String toString() {
        return "StreamStep[" + frame + ", " + end + "]";
    }
}
