package org.flowscope.methods.average;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.SegmentMeans;
import org.flowscope.core.pipeline.StreamingOperator;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamLayout;

/**
 * The live average operator: the temporal mean of each window, one frame out. Frame by frame ({@link SegmentMeans}),
 * each frame is added to its segment's sums as it arrives, drift-corrected by resampling when a drift stage measured
 * it (the standalone correction: a mean has no interpolation of its own).
 */
public final class AverageWindow implements StreamingOperator {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        // a mean is memory-bound and cheap: a trip through the engine would cost more than the work
        return AverageCpu.mean(window);
    }

    @Override
    public FrameStream openStream(StreamLayout layout, SourceFormat format) {
        return new SegmentMeans(layout, format.width(), format.height());
    }
}
