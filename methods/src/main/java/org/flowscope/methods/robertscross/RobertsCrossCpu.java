package org.flowscope.methods.robertscross;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** Plain-Java reference of {@link RobertsCross}. */
public final class RobertsCrossCpu implements Implementation<RobertsCrossParams, ImageStack, Gradients> {
    private static final ImplementationInfo INFO = new ImplementationInfo("roberts-cross.cpu", RobertsCross.class,
            Backend.CPU, Precision.FP32, "Roberts-cross gradients, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Gradients run(RobertsCrossParams params, ImageStack input, ExecutionContext context) {
        return apply(input);
    }

    /** Computes both gradients without an engine. */
    public static Gradients apply(ImageStack in) {
        int h = in.height();
        int w = in.width();
        float[] src = in.data();
        float[] gc = new float[src.length];
        float[] gr = new float[src.length];
        for (int f = 0; f < in.frames(); f++) {
            int o = in.offset(f);
            for (int r = 0; r < h; r++) {
                int r0 = Math.max(r - 1, 0);
                for (int c = 0; c < w; c++) {
                    int c0 = Math.max(c - 1, 0);
                    float a = src[o + r * w + c];
                    float b = src[o + r * w + c0];
                    float u = src[o + r0 * w + c];
                    float v = src[o + r0 * w + c0];
                    gc[o + r * w + c] = (a - b) + (u - v);
                    gr[o + r * w + c] = (a - u) + (b - v);
                }
            }
        }
        return new Gradients(new ImageStack(in.frames(), h, w, gc), new ImageStack(in.frames(), h, w, gr));
    }
}
