package org.flowscope.methods.conv2d;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** The plain-Java, single-thread reference of {@link Conv2d}; every other implementation is held to it. */
public final class Conv2dCpu implements Implementation<Conv2dParams, ImageStack, ImageStack> {
    public static final String ID = "conv2d.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Conv2d.class, Backend.CPU, Precision.FP32, "plain Java, one thread (reference)");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(Conv2dParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Computes the correlation on the calling thread. */
    public static ImageStack compute(Conv2dParams params, ImageStack input) {
        float[] out = new float[input.data().length];
        float[] acc = new float[input.width()];
        for (int row = 0; row < input.frames() * input.height(); row++) {
            correlateRow(params, input, row, acc, out);
        }
        return new ImageStack(input.frames(), input.height(), input.width(), out);
    }

    /**
     * Computes output row {@code frameRow} (= frame &times; height + row) into {@code out}. The loops run kr, kc,
     * then column, so each pixel still sums its terms in (kr, kc) order while the innermost loop is a
     * vectorisable multiply-add over a row.
     *
     * @param acc scratch of at least {@code width} floats
     */
    static void correlateRow(Conv2dParams params, ImageStack input, int frameRow, float[] acc, float[] out) {
        int h = input.height();
        int w = input.width();
        int f = frameRow / h;
        int r = frameRow % h;
        int kh = params.kh();
        int kw = params.kw();
        int cr = params.anchorRow();
        int cc = params.anchorCol();
        float[] k = params.weights();
        float[] in = input.data();
        java.util.Arrays.fill(acc, 0, w, 0f);
        for (int kr = 0; kr < kh; kr++) {
            int srcRow = Math.min(Math.max(r + kr - cr, 0), h - 1);
            int base = (f * h + srcRow) * w;
            for (int kc = 0; kc < kw; kc++) {
                float weight = k[kr * kw + kc];
                int off = kc - cc;
                // columns whose source c + off lies inside [0, w-1] need no clamping
                int lo = Math.min(Math.max(-off, 0), w);
                int hi = Math.max(Math.min(w - off, w), lo);
                float left = in[base];
                for (int c = 0; c < lo; c++) {
                    acc[c] += weight * left;
                }
                int src = base + off;
                for (int c = lo; c < hi; c++) {
                    acc[c] += weight * in[src + c];
                }
                float right = in[base + w - 1];
                for (int c = hi; c < w; c++) {
                    acc[c] += weight * right;
                }
            }
        }
        System.arraycopy(acc, 0, out, frameRow * w, w);
    }
}
