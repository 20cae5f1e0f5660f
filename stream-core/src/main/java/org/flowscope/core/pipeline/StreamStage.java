package org.flowscope.core.pipeline;

import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.WindowEnd;

/**
 * One stage before the operator in a streaming analysis: it sees every frame as it arrives and every window's end
 * mark, and hands them on, in the same order, now or later (a drift stage holds frames until their drift is measured
 * and then passes them on with their {@link org.flowscope.core.frame.FrameShift}). Called on the analysis thread
 * only, one call at a time.
 *
 * <p><b>Ownership.</b> A {@link StreamFrame} handed to {@link #frame} is the stage's: it passes it to
 * {@link Downstream#frame} or releases it, exactly once. Frames it still holds are released by {@link #discard}.
 */
public interface StreamStage {
    /** Where a stage hands frames and marks on (the next stage, or the operator). */
    interface Downstream {
        void frame(StreamFrame frame);

        void windowEnd(org.flowscope.core.window.WindowEnd end);
    }

    /** Stage name for timings ("drift", "quality-split"). */
    String name();

    /** A frame arrives. */
    void frame(StreamFrame frame, Downstream out);

    /** A window's last frame has been handed to {@link #frame}. */
    void windowEnd(WindowEnd end, Downstream out);

    /** The stream ended normally: hand on everything still held. */
    void finish(Downstream out);

    /** The run failed: release every frame still held. */
    void discard();
}
