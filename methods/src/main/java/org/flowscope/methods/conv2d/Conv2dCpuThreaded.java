package org.flowscope.methods.conv2d;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * {@link Conv2d} on the CPU device's fork-join pool, split over output rows. Each row is computed exactly as
 * {@link Conv2dCpu} computes it, so the output equals the reference bit for bit.
 */
public final class Conv2dCpuThreaded implements Implementation<Conv2dParams, ImageStack, ImageStack> {
    public static final String ID = "conv2d.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Conv2d.class, Backend.CPU_THREADED, Precision.FP32, "plain Java, fork-join over rows");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(Conv2dParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Computes the correlation on {@code pool}. */
    public static ImageStack compute(Conv2dParams params, ImageStack input, ForkJoinPool pool) {
        float[] out = new float[input.data().length];
        int rows = input.frames() * input.height();
        // about four leaves per worker balances uneven progress without paying for tiny tasks
        int leaf = Math.max(1, rows / (4 * pool.getParallelism()));
        pool.invoke(new Rows(params, input, out, 0, rows, leaf));
        return new ImageStack(input.frames(), input.height(), input.width(), out);
    }

    private static final class Rows extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Conv2dParams params;
        private final transient ImageStack input;
        private final float[] out;
        private final int from;
        private final int to;
        private final int leaf;

        Rows(Conv2dParams params, ImageStack input, float[] out, int from, int to, int leaf) {
            this.params = params;
            this.input = input;
            this.out = out;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected void compute() {
            if (to - from <= leaf) {
                float[] acc = new float[input.width()];
                for (int r = from; r < to; r++) {
                    Conv2dCpu.correlateRow(params, input, r, acc, out);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Rows(params, input, out, from, mid, leaf), new Rows(params, input, out, mid, to, leaf));
        }
    }
}
