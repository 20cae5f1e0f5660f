package org.flowscope.core.pipeline;

import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamLayout;

/**
 * A {@link WindowOperator} stage that can also run in a streaming analysis, seeing frames as they arrive instead of
 * whole windows.
 */
public interface Streamable {
    /** Its streaming form for a run cut as {@code layout}, or null when this configuration needs whole windows. */
    StreamStage openStream(StreamLayout layout, SourceFormat format);
}
