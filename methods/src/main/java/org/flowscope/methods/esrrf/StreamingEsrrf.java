package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.PixelType;
import org.flowscope.engine.spi.ExecutionContext;

/**
 * An implementation of {@link EsrrfStream} that can open a {@link EsrrfSession} on a device, for a live stream
 * whose frames arrive one at a time.
 */
public interface StreamingEsrrf {
    /**
     * A session for frames of {@code height x width} pixels of {@code pixelType} on the context's device. One-time
     * costs (kernel builds, tables, staging memory) are paid here, not by the first frame.
     */
    EsrrfSession open(EsrrfStreamParams params, int height, int width, PixelType pixelType, ExecutionContext context);
}
