package org.flowscope.methods.transform;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/**
 * Plain-Java reference of {@link Transform}: for every output pixel its float32 position, then the family's point
 * evaluation ({@code Interpolator.at}, double accumulation).
 */
public final class TransformCpu implements Implementation<TransformParams, ImageStack, ImageStack> {
    public static final String ID = "transform.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, Transform.class, Backend.CPU,
            Precision.MIXED, "single-threaded Java reference (point evaluation, double accumulation)");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(TransformParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** Computes the operation without an engine. */
    public static ImageStack apply(TransformParams p, ImageStack in) {
        new Transform().validate(p, in);
        float[] out = new float[in.data().length];
        for (int f = 0; f < in.frames(); f++) {
            rows(p, in, f, 0, in.height(), out);
        }
        return new ImageStack(in.frames(), in.height(), in.width(), out);
    }

    /** Output rows {@code from..to-1} of frame {@code f} into {@code out} (the whole output stack). */
    static void rows(TransformParams p, ImageStack in, int f, int from, int to, float[] out) {
        int h = in.height();
        int w = in.width();
        TransformParams.Mapping map = p.mapping(h, w);
        Interpolator ip = p.interpolator();
        // the family's NANOPYX border returns 0 outside the image itself (and keeps NanoPyx's nearest quirk)
        boolean clip = ip.border() != Border.NANOPYX;
        float[] src = in.data();
        int off = in.offset(f);
        for (int i = from; i < to; i++) {
            int o = off + i * w;
            for (int j = 0; j < w; j++) {
                float y = map.y(i, j);
                float x = map.x(i, j);
                out[o + j] = clip && !(y >= 0 && y < h && x >= 0 && x < w) ? 0f : ip.at(src, off, h, w, y, x);
            }
        }
    }
}
