package org.flowscope.app.live;

import java.util.List;
import org.flowscope.methods.spi.LiveStage;

/**
 * A part of {@code flowscope live} that is not an operation: a frame source with options of its own (the
 * Micro-Manager camera, the wire-protocol service). Operations join {@code live} through their provider's
 * {@link LiveStage} instead; a source extension may still contribute stages or a {@link #failure} verdict.
 */
public interface LiveExtension extends LiveStage {
    /** {@code --source} schemes this extension provides (e.g. {@code mm}, {@code serve}), besides {@link LiveSources}. */
    default List<SourceFactory> sources() {
        return List.of();
    }
}
