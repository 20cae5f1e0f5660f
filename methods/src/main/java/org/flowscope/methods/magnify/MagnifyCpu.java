package org.flowscope.methods.magnify;

import java.util.Arrays;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.Border;

/**
 * Plain-Java reference of {@link Magnify}: the family's separable grid evaluation ({@code Interpolator.grid}) on the
 * output positions of {@link MagnifyParams}, frame by frame, accumulating in double.
 */
public final class MagnifyCpu implements Implementation<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, Magnify.class,
            Backend.CPU, Precision.MIXED, "single-threaded Java reference (separable grid, double accumulation)");

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
        new Magnify().validate(p, in);
        int rowsM = Magnify.outputRows(p, in);
        int colsM = Magnify.outputCols(p, in);
        double[] ys = rowPositions(p, rowsM);
        double[] xs = colPositions(p, colsM);
        float[] out = new float[in.frames() * rowsM * colsM];
        for (int f = 0; f < in.frames(); f++) {
            sampleRows(p, in, f, ys, xs, 0, rowsM, out);
        }
        return new ImageStack(in.frames(), rowsM, colsM, out);
    }

    /** The input rows sampled by the {@code rowsM} output rows. */
    static double[] rowPositions(MagnifyParams p, int rowsM) {
        double[] ys = new double[rowsM];
        for (int i = 0; i < rowsM; i++) {
            ys[i] = p.rowPosition(i);
        }
        return ys;
    }

    /** The input columns sampled by the {@code colsM} output columns. */
    static double[] colPositions(MagnifyParams p, int colsM) {
        double[] xs = new double[colsM];
        for (int j = 0; j < colsM; j++) {
            xs[j] = p.colPosition(j);
        }
        return xs;
    }

    /**
     * Output rows {@code from..to-1} of frame {@code f} into {@code out} (the whole output stack, row-major). Each row
     * depends only on its own position, so any split of the rows gives the same floats.
     */
    static void sampleRows(MagnifyParams p, ImageStack in, int f, double[] ys, double[] xs, int from, int to,
            float[] out) {
        int nx = xs.length;
        int base = (f * ys.length + from) * nx;
        double[] part = from == 0 && to == ys.length ? ys : Arrays.copyOfRange(ys, from, to);
        p.interpolator().grid(in.data(), in.offset(f), in.height(), in.width(), part, xs, out, base);
        if (p.interpolator().border() != Border.NANOPYX) {
            // the family's NANOPYX border already returns 0 outside the image; the other borders would extend it
            zeroOutside(part, in.height(), xs, in.width(), out, base);
        }
    }

    /** Sets to 0 every output pixel whose row or column position lies outside the input image. */
    private static void zeroOutside(double[] ys, int rows, double[] xs, int cols, float[] out, int base) {
        int nx = xs.length;
        for (int k = 0; k < ys.length; k++) {
            int o = base + k * nx;
            if (!(ys[k] >= 0 && ys[k] < rows)) {
                Arrays.fill(out, o, o + nx, 0f);
                continue;
            }
            for (int l = 0; l < nx; l++) {
                if (!(xs[l] >= 0 && xs[l] < cols)) {
                    out[o + l] = 0f;
                }
            }
        }
    }
}
