package org.flowscope.core.sink;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;

/** Receives every analysis result, in window order, on the analysis thread. Never drops. */
public interface ResultSink {
    void write(ImageStack result, WindowContext context);

    /** Commits the output. */
    void finish();

    /** Discards the output; idempotent. */
    void abort();
}
