package org.flowscope.core.source;

import org.flowscope.core.frame.FrameMetadata;

/** Receives frames from a {@link FrameSource} on the source's producer thread. */
@FunctionalInterface
public interface FrameConsumer {
    /**
     * Takes one frame. Copies the pixels before returning; may block to slow the producer down
     * (the raw path never drops frames).
     */
    void accept(FrameMetadata metadata, PixelData pixels);
}
