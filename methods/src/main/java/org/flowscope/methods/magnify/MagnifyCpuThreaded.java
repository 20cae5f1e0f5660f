package org.flowscope.methods.magnify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * {@link Magnify} on the CPU device's fork-join pool: the output rows of all frames are split into blocks, each
 * computed by {@link FloatTwoPass} (columns first, then SIMD multiply-adds of whole rows, float32) from the host tap
 * tables the GPU implementations use; within float32 rounding of the reference.
 */
public final class MagnifyCpuThreaded implements Implementation<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Magnify.class, Backend.CPU_THREADED, Precision.FP32, "plain Java, two float32 passes, output row blocks on the fork-join pool");
    /**
     * Rows per block at least: a block filters every input row it reads along the columns, and neighbouring blocks
     * share a few of those rows, which must stay small against the block's own work.
     */
    private static final int MIN_ROWS = 16;
    /** Rows per block at most, so that a block's column-filtered input rows stay in the core's cache. */
    private static final int MAX_ROWS = 256;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Computes the magnification on {@code pool}. */
    public static ImageStack compute(MagnifyParams p, ImageStack in, ForkJoinPool pool) {
        MagnifyKernels.Plan plan = MagnifyKernels.Plan.of(p, in);
        int rowsM = plan.hm();
        int colsM = plan.wm();
        float[] out = new float[in.frames() * rowsM * colsM];
        // about four blocks per worker balances uneven progress (other processes share the cores)
        long total = (long) in.frames() * rowsM;
        int block = (int) Math.min(MAX_ROWS, Math.max(MIN_ROWS, total / (4L * pool.getParallelism())));
        List<Future<?>> tasks = new ArrayList<>();
        for (int f = 0; f < in.frames(); f++) {
            int frame = f;
            for (int from = 0; from < rowsM; from += block) {
                int a = from;
                int b = Math.min(rowsM, from + block);
                tasks.add(pool.submit(() -> FloatTwoPass.rows(plan, in, frame, a, b, out)));
            }
        }
        CpuPools.joinAll(tasks);
        return new ImageStack(in.frames(), rowsM, colsM, out);
    }
}
