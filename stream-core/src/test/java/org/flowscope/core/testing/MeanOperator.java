package org.flowscope.core.testing;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.SegmentMeans;
import org.flowscope.core.pipeline.StreamingOperator;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamLayout;

/**
 * Temporal mean of a window: {@code out(y, x) = (1/T) * sum_t in(t, y, x)}, summed in double precision, one frame
 * out: the simplest {@link WindowOperator}, for pipeline tests (the product's is the {@code average} operation);
 * frame by frame it is {@link SegmentMeans}.
 */
public final class MeanOperator implements StreamingOperator {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        return mean(window);
    }

    @Override
    public FrameStream openStream(StreamLayout layout, SourceFormat format) {
        return new SegmentMeans(layout, format.width(), format.height());
    }

    /** Mean over frames of {@code stack}, as a one-frame stack. */
    public static ImageStack mean(ImageStack stack) {
        int n = stack.frameSize();
        double[] sum = new double[n];
        float[] d = stack.data();
        for (int f = 0; f < stack.frames(); f++) {
            int off = stack.offset(f);
            for (int i = 0; i < n; i++) {
                sum[i] += d[off + i];
            }
        }
        float[] out = new float[n];
        double inv = 1.0 / stack.frames();
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sum[i] * inv);
        }
        return ImageStack.ofImage(stack.height(), stack.width(), out);
    }
}
