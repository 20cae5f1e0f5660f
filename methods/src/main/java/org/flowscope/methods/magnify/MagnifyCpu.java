package org.flowscope.methods.magnify;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** Plain-Java reference of {@link Magnify}: one kernel evaluation per output pixel. */
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
        Interpolator k = p.interpolator();
        for (int f = 0; f < in.frames(); f++) {
            int srcOff = in.offset(f);
            int dstOff = f * rowsM * colsM;
            for (int i = 0; i < rowsM; i++) {
                float y = i / p.magnificationRow() - p.shiftRow();
                for (int j = 0; j < colsM; j++) {
                    float x = j / p.magnificationCol() - p.shiftCol();
                    out[dstOff + i * colsM + j] = k.at(src, srcOff, rows, cols, y, x);
                }
            }
        }
        return new ImageStack(in.frames(), rowsM, colsM, out);
    }
}
