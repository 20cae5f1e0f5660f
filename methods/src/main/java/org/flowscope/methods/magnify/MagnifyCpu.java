package org.flowscope.methods.magnify;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Sampling;

/** Plain-Java reference of {@link Magnify}: the kernel evaluated on the output grid, separably. */
public final class MagnifyCpu implements Implementation<MagnifyParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("magnify.cpu", Magnify.class,
            Backend.CPU, Precision.MIXED, "NanoPyx Magnify, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** Computes the operation without an engine. */
    public static ImageStack apply(MagnifyParams p, ImageStack in) {
        int rowsM = Magnify.outputRows(p, in);
        int colsM = Magnify.outputCols(p, in);
        int rows = in.height();
        int cols = in.width();
        float[] src = in.data();
        float[] out = new float[in.frames() * rowsM * colsM];
        double[] ys = new double[rowsM];
        for (int i = 0; i < rowsM; i++) {
            ys[i] = (float) Sampling.NANOPYX.position(i, p.magnificationRow()) - p.shiftRow();
        }
        double[] xs = new double[colsM];
        for (int j = 0; j < colsM; j++) {
            xs[j] = (float) Sampling.NANOPYX.position(j, p.magnificationCol()) - p.shiftCol();
        }
        Interpolator k = p.interpolator();
        for (int f = 0; f < in.frames(); f++) {
            k.grid(src, in.offset(f), rows, cols, ys, xs, out, f * rowsM * colsM);
        }
        return new ImageStack(in.frames(), rowsM, colsM, out);
    }
}
