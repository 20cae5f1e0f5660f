package org.flowscope.methods.esrrf;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * Fast multi-threaded eSRRF on the CPU device's pool. The per-pixel work is the reference's, rearranged:
 * <ul>
 * <li>sample offsets, directions and distance weights come from per-phase tables ({@link EsrrfPlan}) instead of
 *     being recomputed (an {@code exp} per sample) for every pixel;</li>
 * <li>the gradients are interpolated once per frame to the half-pixel lattice and normalised, so that each sample
 *     costs two loads and a few multiply-adds;</li>
 * <li>the image is magnified by two separable passes;</li>
 * <li>each frame's map goes straight into a running {@link TemporalAccumulator}; no per-frame output is stored.</li>
 * </ul>
 * Rows of a frame are spread over the pool's threads. Agrees with {@link EsrrfCpu} to float rounding.
 */
public final class EsrrfCpuThreaded implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.cpu-threaded", Esrrf.class,
            Backend.CPU_THREADED, Precision.MIXED, "eSRRF with shared weight tables, rows in parallel");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input, CpuPools.of(context));
    }

    /** The eSRRF time series of {@code in}, computed on {@code pool}. */
    public static ImageStack apply(EsrrfParams p, ImageStack in, ForkJoinPool pool) {
        new Esrrf().validate(p, in);
        EsrrfPlan plan = new EsrrfPlan(p, in.height(), in.width());
        EsrrfFrameKernel kernel = new EsrrfFrameKernel(plan);
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int px = plan.hm * plan.wm;
        float[] out = new float[timePoints * px];
        for (int t = 0; t < timePoints; t++) {
            TemporalAccumulator acc = new TemporalAccumulator(p.temporal(), px);
            for (int f = t * block; f < Math.min((t + 1) * block, in.frames()); f++) {
                accumulateFrame(kernel, in.data(), in.offset(f), FrameShift.ZERO, acc, pool);
            }
            float[] stat = acc.result();
            if (p.macroPixelCorrection()) {
                MacroPixelCorrection.applyInPlace(stat, 0, plan.hm, plan.wm, plan.m);
            }
            System.arraycopy(stat, 0, out, t * px, px);
        }
        return new ImageStack(timePoints, plan.hm, plan.wm, out);
    }

    /** Adds the map of the frame at {@code data[off ..]}, read {@code shift} away (drift undone), to {@code acc}. */
    static void accumulateFrame(EsrrfFrameKernel kernel, float[] data, int off, FrameShift shift,
            TemporalAccumulator acc, ForkJoinPool pool) {
        EsrrfPlan plan = kernel.plan();
        kernel.begin(data, off, shift);
        int latticeRows = 2 * plan.h + 1;
        int bands = Math.min(latticeRows, 4 * pool.getParallelism());
        pool.submit(() -> IntStream.range(0, bands).parallel().forEach(
                b -> kernel.prepare(b * latticeRows / bands, (b + 1) * latticeRows / bands))).join();
        int rowBands = Math.min(plan.hm, 8 * pool.getParallelism());
        pool.submit(() -> IntStream.range(0, rowBands).parallel().forEach(b -> {
            float[] row = new float[plan.wm];
            float[] scratch = new float[kernel.scratchLength()];
            for (int i = b * plan.hm / rowBands; i < (b + 1) * plan.hm / rowBands; i++) {
                kernel.row(i, row, scratch);
                acc.add(i * plan.wm, row, 0, plan.wm);
            }
        })).join();
        acc.endFrame();
    }
}
