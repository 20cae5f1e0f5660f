package org.flowscope.methods.esrrf3d;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * Multi-threaded eSRRF 3-D on the CPU device's pool. The per-voxel arithmetic is the reference's; what changes:
 * <ul>
 * <li>sample positions come from the per-axis tables of {@link Esrrf3dPlan} instead of being recomputed per voxel;</li>
 * <li>the distance, weight and tests of each sample are computed once per output row and column, for every distinct
 *     axial offset, and shared by every output slice;</li>
 * <li>the magnified gradients are interleaved, so that a sample reads one cache line;</li>
 * <li>gradients, magnification and RGC are spread over the pool by slices and rows;</li>
 * <li>each volume goes straight into the running {@link Welford} sums: no per-frame output is kept.</li>
 * </ul>
 * Agrees with {@link Esrrf3dCpu} to float rounding (identical operations, in the same order per voxel).
 */
public final class Esrrf3dCpuThreaded implements Implementation<Esrrf3dParams, VolumeStack, VolumeStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf3d.cpu-threaded", Esrrf3d.class,
            Backend.CPU_THREADED, Precision.MIXED, "eSRRF 3-D with per-axis sample tables, slices and rows in parallel");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public VolumeStack run(Esrrf3dParams params, VolumeStack input, ExecutionContext context) {
        return apply(params, input, CpuPools.of(context));
    }

    /** The eSRRF 3-D volume series of {@code in}, computed on {@code pool}. */
    public static VolumeStack apply(Esrrf3dParams p, VolumeStack in, ForkJoinPool pool) {
        new Esrrf3d().validate(p, in);
        Esrrf3dPlan plan = new Esrrf3dPlan(p, in.slices(), in.height(), in.width());
        Buffers buf = new Buffers(plan);
        int frames = in.timePoints();
        int block = p.blockLength(frames);
        int timePoints = p.timePoints(frames);
        int v = plan.voxels();
        float[] out = new float[timePoints * v];
        for (int b = 0; b < timePoints; b++) {
            Welford acc = new Welford(v);
            int n = 0;
            for (int t = b * block; t < Math.min((b + 1) * block, frames); t++) {
                addFrame(plan, buf, in.data(), in.offset(t), acc, ++n, pool);
            }
            float[] r = acc.result(p.temporal());
            if (p.macroPixelCorrection()) {
                parallel(pool, plan.zm, s -> MacroPixels.correct(r, 0, plan.hm, plan.wm, plan.mxy, s, s + 1));
            }
            System.arraycopy(r, 0, out, b * v, v);
        }
        return new VolumeStack(new ImageStack(timePoints * plan.zm, plan.hm, plan.wm, out), plan.zm);
    }

    /** Per-frame working volumes, reused across frames. */
    private static final class Buffers {
        final float[] gx;
        final float[] gy;
        final float[] gz;
        final float[][] xy = new float[4][];
        /** The magnified intensity. */
        final float[] intensity;
        /** The magnified gradients, interleaved (x, y, z per voxel): a sample reads one cache line, not three. */
        final float[] grad;

        Buffers(Esrrf3dPlan p) {
            gx = new float[p.inputVoxels()];
            gy = new float[p.inputVoxels()];
            gz = new float[p.inputVoxels()];
            for (int k = 0; k < 4; k++) {
                xy[k] = new float[p.z * p.hm * p.wm];
            }
            intensity = new float[p.voxels()];
            grad = new float[3 * p.voxels()];
        }
    }

    private static void addFrame(Esrrf3dPlan p, Buffers b, float[] src, int off, Welford acc, int n, ForkJoinPool pool) {
        parallel(pool, p.z, s -> Volumes3d.gradients(p, src, off, b.gx, b.gy, b.gz, s, s + 1));
        float[][] vols = {src, b.gx, b.gy, b.gz};
        int[] offs = {off, 0, 0, 0};
        parallel(pool, 4 * p.z, k -> Volumes3d.magnifyXy(p, vols[k / p.z], offs[k / p.z], b.xy[k / p.z], k % p.z,
                k % p.z + 1));
        parallel(pool, 4 * p.zm, k -> {
            int v = k / p.zm;
            int sm = k % p.zm;
            if (v == 0) {
                Volumes3d.magnifyZ(p, b.xy[0], b.intensity, sm, sm + 1);
            } else {
                Volumes3d.magnifyZ(p, b.xy[v], b.grad, 3, v - 1, sm, sm + 1);
            }
        });
        parallel(pool, p.hm, r -> row(p, b, r, acc, n));
        acc.endFrame();
    }

    /**
     * Row {@code r} of every output slice. For each column the lateral samples (position, distance, lateral Gaussian)
     * are found once, and with them the distance, weight and axial test of every distinct axial offset; every output
     * slice then only looks them up.
     */
    private static void row(Esrrf3dPlan p, Buffers buf, int r, Welford acc, int n) {
        Esrrf3dPlan.Slots ys = p.slotsY;
        Esrrf3dPlan.Slots xs = p.slotsX;
        Esrrf3dPlan.Slots zs = p.slotsZ;
        int pairs = ys.count() * xs.count();
        int axial = p.axialOffsets.length;
        int[] base = new int[pairs];
        float[] dxs = new float[pairs];
        float[] dys = new float[pairs];
        float[] dist = new float[pairs * axial];
        float[] weight = new float[pairs * axial];
        boolean[] taken = new boolean[pairs * axial];
        float[] values = new float[p.zm * p.wm];
        int plane = p.hm * p.wm;
        float[] g = buf.grad;
        for (int c = 0; c < p.wm; c++) {
            int m = 0;
            for (int a = r * ys.count(); a < (r + 1) * ys.count(); a++) {
                int iy = ys.index()[a];
                if (iy < 0) {
                    continue;
                }
                float dy = ys.delta()[a];
                for (int e = c * xs.count(); e < (c + 1) * xs.count(); e++) {
                    int ix = xs.index()[e];
                    if (ix < 0) {
                        continue;
                    }
                    float dx = xs.delta()[e];
                    float dxy2 = dx * dx + dy * dy;
                    float dxy = Rgc3d.sqrt(dxy2);
                    if (!(dxy <= p.tSO)) {
                        continue;
                    }
                    float wxy = Rgc3d.gauss(dxy, p.tSS);
                    for (int u = 0; u < axial; u++) {
                        float dz = p.axialOffsets[u];
                        float d = Rgc3d.sqrt(dxy2 + dz * dz);
                        int at = m * axial + u;
                        taken[at] = d != 0 && Rgc3d.axial(p.geo, dz, p.tSOz);
                        dist[at] = d;
                        weight[at] = Rgc3d.combine(d, wxy, Rgc3d.gauss(dz, p.tSSz));
                    }
                    base[m] = iy * p.wm + ix;
                    dxs[m] = dx;
                    dys[m] = dy;
                    m++;
                }
            }
            for (int s = 0; s < p.zm; s++) {
                if (!p.computed(s, r, c)) {
                    continue;
                }
                float sum = 0;
                float wsum = 0;
                for (int q = 0; q < m; q++) {
                    float dx = dxs[q];
                    float dy = dys[q];
                    for (int k = s * zs.count(); k < (s + 1) * zs.count(); k++) {
                        int iz = zs.index()[k];
                        int at = q * axial + p.axialKey[k];
                        if (iz < 0 || !taken[at]) {
                            continue;
                        }
                        float wt = weight[at];
                        wsum += wt;
                        float dz = zs.delta()[k];
                        int idx = 3 * (iz * plane + base[q]);
                        float x = g[idx];
                        float y = g[idx + 1];
                        float z = g[idx + 2];
                        if (Rgc3d.dot(x, y, z, dx, dy, dz) < 0) {
                            sum = Rgc3d.accumulate(sum, Rgc3d.dk(x, y, z, dx, dy, dz, dist[at]), wt);
                        }
                    }
                }
                float rgc = Rgc3d.finish(sum, wsum, p.sensitivity, p.geo == Geometry.CENTRED);
                values[s * p.wm + c] = p.weighting ? rgc * buf.intensity[(s * p.hm + r) * p.wm + c] : rgc;
            }
        }
        for (int s = 0; s < p.zm; s++) {
            acc.add(values, s * p.wm, (s * p.hm + r) * p.wm, p.wm, n);
        }
    }

    private static void parallel(ForkJoinPool pool, int n, IntConsumer body) {
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }
}
