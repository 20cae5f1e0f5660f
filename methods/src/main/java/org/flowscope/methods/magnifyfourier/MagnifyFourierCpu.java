package org.flowscope.methods.magnifyfourier;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.FourierInterpolation;
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
        new MagnifyFourier().validate(p, in);
        return p.geometry() == Sampling.NANOPYX ? FourierInterpolation.magnify(in, p.magnification())
                : FourierInterpolation.magnifyCentred(in, p.magnification(), p.shiftRow(), p.shiftCol());
    }
}
