package org.flowscope.core.pipeline;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;

/**
 * A {@link WindowOperator} (the {@code --op} of a run) that can work frame by frame: the pipeline hands it each frame
 * as it arrives and, after a window's last frame, asks for the window's result, which may still be computing (on a
 * device) while later frames come in.
 */
public interface StreamingOperator extends WindowOperator {
    /** The operator's per-run streaming state. Called on the analysis thread, one call at a time. */
    interface FrameStream extends AutoCloseable {
        /** A frame arrives; the stream owns its reference and releases it once the pixels are consumed. */
        void frame(StreamFrame frame);

        /** Every frame of the window has been handed over: its result, maybe still in the making. */
        PendingResult windowEnd(WindowEnd end);

        /**
         * How many results may wait for the writer before the analysis waits too: windows computing at once on
         * several devices need room for one each.
         */
        default int resultsInFlight() {
            return StreamingAnalysis.MAX_PENDING;
        }

        /** The run is over (normally or not): free everything, after the results asked for were awaited. */
        @Override
        void close();
    }

    /** A window result that may still be computing; {@link #await} is called once, on the result writer's thread. */
    @FunctionalInterface
    interface PendingResult {
        ImageStack await();
    }

    /** Its streaming state for a run cut as {@code layout}, or null when this configuration needs whole windows. */
    FrameStream openStream(StreamLayout layout, SourceFormat format);
}
