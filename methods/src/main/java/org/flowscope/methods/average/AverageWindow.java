package org.flowscope.methods.average;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;

/** The live average operator: the temporal mean of each window, one frame out. */
public final class AverageWindow implements WindowOperator {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        // a mean is memory-bound and cheap: a trip through the engine would cost more than the work
        return AverageCpu.mean(window);
    }
}
