package org.flowscope.methods.magnifyfourier;

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
 * {@link MagnifyFourier} with one frame per task on the CPU device's pool; each frame is computed exactly as the
 * reference computes it, so the output equals it bit for bit. A single frame runs on one thread.
 */
public final class MagnifyFourierCpuThreaded implements Implementation<MagnifyFourierParams, ImageStack, ImageStack> {
    public static final String ID = "magnify-fourier.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, MagnifyFourier.class,
            Backend.CPU_THREADED, Precision.FP64, "plain Java, one frame per task on the fork-join pool");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyFourierParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Computes the magnification on {@code pool}. */
    public static ImageStack compute(MagnifyFourierParams p, ImageStack in, ForkJoinPool pool) {
        new MagnifyFourier().validate(p, in);
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        float[] out = new float[in.frames() * hm * wm];
        List<Future<?>> tasks = new ArrayList<>();
        for (int f = 0; f < in.frames(); f++) {
            int frame = f;
            tasks.add(pool.submit(() -> {
                float[] one = MagnifyFourierCpu.apply(p, in.frame(frame)).data();
                System.arraycopy(one, 0, out, frame * hm * wm, one.length);
            }));
        }
        CpuPools.joinAll(tasks);
        return new ImageStack(in.frames(), hm, wm, out);
    }
}
