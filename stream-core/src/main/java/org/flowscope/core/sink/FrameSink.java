package org.flowscope.core.sink;

import org.flowscope.core.frame.Frame;

/**
 * Receives every raw frame, in order, on the ingest thread. It must not keep the frame after {@link #write}
 * returns (copy what it needs) and must not release it. A slow sink slows the stream; it never drops.
 * {@link #finish()} commits the output, {@link #abort()} removes it.
 */
public interface FrameSink {
    void write(Frame frame);

    /** Commits what was written (e.g. renames the partial file). */
    void finish();

    /** Discards what was written; idempotent, also after {@link #finish()} failed. */
    void abort();

    /** A sink that discards frames (benchmarks, runs without {@code --save-raw}). */
    static FrameSink discarding() {
        return new FrameSink() {
            @Override
            public void write(Frame frame) {
                frame.pixels(); // fails loudly when handed a released frame
            }

            @Override
            public void finish() {
            }

            @Override
            public void abort() {
            }
        };
    }
}
