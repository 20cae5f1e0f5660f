package org.flowscope.methods.drift;

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

/** {@link DriftCorrection} with frames spread over the CPU device's threads. */
public final class DriftCorrectionCpuThreaded
        implements Implementation<DriftCorrectionParams, DriftCorrectionInput, ImageStack> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("drift-correct.cpu-threaded", DriftCorrection.class, Backend.CPU_THREADED, Precision.MIXED,
                "separable sub-pixel shift, frames in parallel");
    }

    @Override
    public ImageStack run(DriftCorrectionParams params, DriftCorrectionInput input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    public static ImageStack compute(DriftCorrectionParams params, DriftCorrectionInput input, ForkJoinPool pool) {
        ImageStack s = input.stack();
        ImageStack out = ImageStack.zeros(s.frames(), s.height(), s.width());
        int n = s.frames();
        int chunks = Math.max(1, Math.min(n, pool.getParallelism() * 2));
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            futures.add(pool.submit(() -> {
                for (int f = from; f < to; f++) {
                    DriftCorrectionCpu.correctFrame(params, input, out, f);
                }
            }));
        }
        CpuPools.joinAll(futures);
        return out;
    }
}
