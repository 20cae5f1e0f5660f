package org.flowscope.core.stream;

import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.WindowEnd;

/**
 * What one camera frame brings to a streaming analysis ({@link FrameFlux#stream}): the frame to analyse (null when
 * only skipped windows contain it) and, when it was a window's last frame, the window's end mark (null otherwise).
 *
 * @param frame the frame, with one reference owned by this step's holder, or null
 * @param end   the end of the window it completes, or null
 */
public record StreamStep(StreamFrame frame, WindowEnd end) {
    /** Releases the frame's reference, if any (a step that will not be analysed). */
    public void release() {
        if (frame != null) {
            frame.release();
        }
    }
}
