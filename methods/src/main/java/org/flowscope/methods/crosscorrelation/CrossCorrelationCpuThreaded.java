package org.flowscope.methods.crosscorrelation;

import java.util.ArrayList;
import java.util.Arrays;
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
 * {@link CrossCorrelation} with frames spread over the CPU device's threads. Each worker owns its kernel (FFT
 * plans and reference spectrum), so the per-frame arithmetic is exactly the reference's.
 */
public final class CrossCorrelationCpuThreaded implements Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("cross-correlation.cpu-threaded", CrossCorrelation.class, Backend.CPU_THREADED, Precision.FP64,
                "JTransforms FFT cross-correlation + Newton sub-pixel peak, frames in parallel");
    }

    @Override
    public CrossCorrelationResult run(CrossCorrelationParams params, CrossCorrelationInput input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Runs on {@code pool}, one contiguous chunk of frames per worker. */
    public static CrossCorrelationResult compute(CrossCorrelationParams params, CrossCorrelationInput input, ForkJoinPool pool) {
        new CrossCorrelation().validate(params, input);
        ImageStack frames = input.frames();
        int h = frames.height();
        int w = frames.width();
        int n = frames.frames();
        ImageStack maps = params.keepMaps() ? ImageStack.zeros(n, h, w) : null;
        CcmPeak[] peaks = new CcmPeak[n];
        int chunks = Math.max(1, Math.min(n, pool.getParallelism() * 2));
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            futures.add(pool.submit(() -> {
                CcmKernel shared = input.reference().frames() == 1 ? new CcmKernel(input.reference().data(), 0, h, w, params.smoothingPx()) : null;
                for (int f = from; f < to; f++) {
                    CcmKernel k = shared != null ? shared
                            : new CcmKernel(input.reference().data(), input.referenceOffset(f), h, w,
                    params.smoothingPx());
                    peaks[f] = k.estimate(frames.data(), frames.offset(f), params.maxShiftPx(), params.refinePasses(),
                            maps == null ? null : maps.data(), maps == null ? 0 : maps.offset(f));
                }
            }));
        }
        CpuPools.joinAll(futures);
        return new CrossCorrelationResult(Arrays.asList(peaks), maps);
    }
}
