package org.flowscope.methods.magnifyfourier;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.FourierInterpolation;
import org.flowscope.methods.numerics.interpolation.FourierPlanes;
import org.flowscope.methods.numerics.interpolation.Sampling;

/** Plain-Java reference of {@link MagnifyFourier}: frame by frame, double-precision FFTs (JTransforms). */
public final class MagnifyFourierCpu implements Implementation<MagnifyFourierParams, ImageStack, ImageStack> {
    public static final String ID = "magnify-fourier.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, MagnifyFourier.class, Backend.CPU,
            Precision.FP64, "single-threaded Java reference, double-precision FFTs");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyFourierParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** Computes the operation without an engine. */
    public static ImageStack apply(MagnifyFourierParams p, ImageStack in) {
        return apply(p, in, FourierPlanes.CPU);
    }

    /** The operation with the spectral core of {@code planes} (the GPU implementations pass theirs). */
    static ImageStack apply(MagnifyFourierParams p, ImageStack in, FourierPlanes planes) {
        new MagnifyFourier().validate(p, in);
        if (p.geometry() == Sampling.NANOPYX) {
            return FourierInterpolation.magnify(in, p.magnification(), planes);
        }
        ImageStack out = FourierInterpolation.magnifyCentred(in, p.magnification(), p.shiftRow(), p.shiftCol(), planes);
        zeroOutside(p, in.height(), in.width(), out);
        return out;
    }

    /**
     * Sets to 0 the output pixels whose position {@code (i + 0.5)/M - shift} lies outside the input, as
     * {@code magnify} does: a shift leaves no data there (the interpolant would show the mirror padding).
     */
    private static void zeroOutside(MagnifyFourierParams p, int h, int w, ImageStack out) {
        int m = p.magnification();
        float[] d = out.data();
        int hm = out.height();
        int wm = out.width();
        for (int f = 0; f < out.frames(); f++) {
            for (int i = 0; i < hm; i++) {
                double y = (i + 0.5) / m - p.shiftRow();
                int o = out.offset(f) + i * wm;
                if (!(y >= 0 && y < h)) {
                    java.util.Arrays.fill(d, o, o + wm, 0f);
                    continue;
                }
                for (int j = 0; j < wm; j++) {
                    double x = (j + 0.5) / m - p.shiftCol();
                    if (!(x >= 0 && x < w)) {
                        d[o + j] = 0f;
                    }
                }
            }
        }
    }
}
