package org.flowscope.methods.transform;

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
 * {@link Transform} on the CPU device's fork-join pool: blocks of output rows of every frame, each evaluated by
 * {@link FloatPoints} (the device kernel's float32 arithmetic, no per-pixel allocation); within float32 rounding of
 * the reference.
 */
public final class TransformCpuThreaded implements Implementation<TransformParams, ImageStack, ImageStack> {
    public static final String ID = "transform.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, Transform.class, Backend.CPU_THREADED,
            Precision.FP32, "plain Java, float32 point evaluation, output row blocks on the fork-join pool");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(TransformParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Computes the transform on {@code pool}. */
    public static ImageStack compute(TransformParams p, ImageStack in, ForkJoinPool pool) {
        TransformKernels.Plan plan = TransformKernels.Plan.of(p, in);
        float[] out = new float[in.data().length];
        int h = in.height();
        // about four blocks per worker balances uneven progress (other processes share the cores)
        int block = (int) Math.max(8, (long) in.frames() * h / (4L * pool.getParallelism()));
        List<Future<?>> tasks = new ArrayList<>();
        for (int f = 0; f < in.frames(); f++) {
            int frame = f;
            for (int from = 0; from < h; from += block) {
                int a = from;
                int b = Math.min(h, from + block);
                tasks.add(pool.submit(() -> FloatPoints.rows(plan, in, frame, a, b, out)));
            }
        }
        CpuPools.joinAll(tasks);
        return new ImageStack(in.frames(), h, in.width(), out);
    }
}
