package org.flowscope.methods.average;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.window.TimePointBlocks;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** The reference: one pass per block, double accumulators. */
public final class AverageCpu implements Implementation<AverageParams, ImageStack, ImageStack> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("average.cpu", Average.class, Backend.CPU, Precision.MIXED,
                "plain Java, double sums (reference)");
    }

    @Override
    public ImageStack run(AverageParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** One mean frame per block. */
    public static ImageStack compute(AverageParams params, ImageStack input) {
        List<ImageStack> blocks = TimePointBlocks.split(input, params.framesPerTimePoint());
        int n = input.frameSize();
        float[] out = new float[blocks.size() * n];
        for (int b = 0; b < blocks.size(); b++) {
            System.arraycopy(mean(blocks.get(b)).data(), 0, out, b * n, n);
        }
        return new ImageStack(blocks.size(), input.height(), input.width(), out);
    }

    /** Mean over all frames of {@code stack}, as a one-frame stack. */
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
