package org.flowscope.core.window;

import java.util.Objects;
import org.flowscope.core.pipeline.WindowContext;

/**
 * In a streaming analysis, the mark that every frame of a window has been handed on: it follows the window's last
 * frame through the stages, in order, and asks the operator for the window's result.
 *
 * @param context         the window's place in the stream (index, sequences, times)
 * @param firstPosition   stream position of its first frame
 * @param frames          frames in the window
 * @param lastIngestNanos {@link System#nanoTime()} when its last frame entered flowscope (for latency)
 */
public record WindowEnd(WindowContext context, long firstPosition, int frames, long lastIngestNanos) {
    public WindowEnd {
        Objects.requireNonNull(context, "context");
        if (firstPosition < 0 || frames < 1) {
            throw new IllegalArgumentException("a window needs position >= 0 and >= 1 frame, got " + firstPosition
                    + " and " + frames);
        }
    }

    /** Position after its last frame. */
    public long endPosition() {
        return firstPosition + frames;
    }
}
