package org.flowscope.methods.quality.live;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;

/**
 * A pass-through live stage that decides which windows are sampled: on those, and only while the quality thread is
 * idle, it takes the means of the even and the odd frames for the FRC (one pass over the window, the only quality
 * work on the analysis thread); the window itself goes on unchanged.
 */
public final class QualitySplitStage implements WindowOperator {
    private final QualityMonitor monitor;

    QualitySplitStage(QualityMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "quality-split";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        monitor.onWindow(context.index(), window);
        return window;
    }
}
