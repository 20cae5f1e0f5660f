package org.flowscope.methods.srrf;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * Fast multi-threaded SRRF on the CPU device's pool, organised like the GPU kernels: the output is cut into bands of
 * rows, and each band runs through every frame of a time point, computing its rows of radiality
 * ({@link RadialityRows}: tabulated Catmull-Rom weights per sub-pixel phase, separable passes) and folding them into
 * one-pass running sums ({@link RadialityAccumulator}); per-frame maps are never stored. With NanoPyx's per-frame
 * macro-pixel correction a first pass over the frames computes each frame's phase means. Agrees with {@link SrrfCpu}
 * to float rounding.
 */
public final class SrrfCpuThreaded implements Implementation<SrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("srrf.cpu-threaded", Srrf.class,
            Backend.CPU_THREADED, Precision.MIXED, "SRRF with tabulated ring weights, bands of rows in parallel");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(SrrfParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input, CpuPools.of(context));
    }

    /** The SRRF time series of {@code in}, computed on {@code pool}. */
    public static ImageStack apply(SrrfParams p, ImageStack in, ForkJoinPool pool) {
        new Srrf().validate(p, in);
        SrrfPlan plan = new SrrfPlan(p, in.height(), in.width());
        int used = p.usedFrames(in.frames());
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int px = plan.hm * plan.wm;
        int bands = Math.min(plan.hm, 8 * pool.getParallelism());
        float[] divisors = p.correctsFrames() ? phaseMeans(plan, in, used, bands, pool) : null;
        float[] out = new float[timePoints * px];
        for (int t = 0; t < timePoints; t++) {
            int from = t * block;
            int to = Math.min(from + block, used);
            int outOff = t * px;
            pool.submit(() -> IntStream.range(0, bands).parallel().forEach(b -> {
                int jFrom = b * plan.hm / bands;
                int jTo = (b + 1) * plan.hm / bands;
                int bandPx = (jTo - jFrom) * plan.wm;
                RadialityRows rows = new RadialityRows(plan, jFrom, jTo);
                RadialityAccumulator acc = new RadialityAccumulator(p.temporal(), p.geometry(), bandPx);
                float[] values = new float[bandPx];
                for (int f = from; f < to; f++) {
                    band(rows, in, f, jFrom, jTo, values, divisors);
                    acc.add(f - from, 0, values, 0, bandPx);
                }
                acc.finish(to - from, out, outOff + jFrom * plan.wm);
            })).join();
            if (p.macroPixelCorrection() && !p.correctsFrames()) {
                MacroPixelCorrection.applyInPlace(out, outOff, plan.hm, plan.wm, plan.m);
            }
        }
        return new ImageStack(timePoints, plan.hm, plan.wm, out);
    }

    /** Rows {@code [jFrom, jTo)} of frame {@code f} into {@code values}, each divided by its frame's phase mean. */
    private static void band(RadialityRows rows, ImageStack in, int f, int jFrom, int jTo, float[] values,
            float[] divisors) {
        SrrfPlan plan = rows.plan();
        rows.frame(in.data(), in.offset(f));
        int m = plan.m;
        for (int j = jFrom; j < jTo; j++) {
            int o = (j - jFrom) * plan.wm;
            rows.row(j, values, o);
            if (divisors != null) {
                int d = f * m * m + (j % m) * m;
                for (int i = 0; i < plan.wm; i++) {
                    float c = divisors[d + i % m];
                    if (c != 0) {
                        values[o + i] /= c;
                    }
                }
            }
        }
    }

    /**
     * NanoPyx's per-frame macro-pixel correction needs each frame's phase means before its values enter the temporal
     * sums: {@code [f * M^2 + phase]}, the mean over the whole frame (margins included) of each sub-pixel phase.
     */
    private static float[] phaseMeans(SrrfPlan plan, ImageStack in, int frames, int bands, ForkJoinPool pool) {
        int phases = plan.m * plan.m;
        double[][] partial = new double[bands][frames * phases];
        pool.submit(() -> IntStream.range(0, bands).parallel().forEach(b -> {
            int jFrom = b * plan.hm / bands;
            int jTo = (b + 1) * plan.hm / bands;
            RadialityRows rows = new RadialityRows(plan, jFrom, jTo);
            float[] row = new float[plan.wm];
            for (int f = 0; f < frames; f++) {
                rows.frame(in.data(), in.offset(f));
                for (int j = jFrom; j < jTo; j++) {
                    rows.row(j, row, 0);
                    int d = f * phases + (j % plan.m) * plan.m;
                    for (int i = 0; i < plan.wm; i++) {
                        partial[b][d + i % plan.m] += row[i];
                    }
                }
            }
        })).join();
        float[] means = new float[frames * phases];
        double count = (double) plan.h * plan.w;
        for (int i = 0; i < means.length; i++) {
            double s = 0;
            for (double[] band : partial) {
                s += band[i];
            }
            means[i] = (float) (s / count);
        }
        return means;
    }
}
