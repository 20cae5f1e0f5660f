package org.flowscope.methods.esrrf;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * eSRRF fused on an NVIDIA GPU from the committed PTX of {@code esrrf.cu} (the CUDA twin of {@link EsrrfOpenCl}):
 * per chunk of frames, one kernel builds the unit gradient lattices, a second computes RGC, intensity weighting and
 * the temporal running sums in registers over all frames of the chunk, one thread per output pixel, with the
 * threads of a warp sharing a sub-pixel phase and hence one sample table. Per-frame maps are never written. Chunk
 * length comes from free device memory before launch ({@link ChunkPlanner}); every pixel is defined.
 */
public final class EsrrfCuda implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.cuda", Esrrf.class, Backend.CUDA,
            Precision.MIXED, "eSRRF fused on an NVIDIA GPU (PTX; lattice, RGC and temporal sums on the device)");
    static final String PTX = "esrrf.ptx";
    private static final int BLOCK_X = 32;
    private static final int BLOCK_Y = 4;
    private static final int MAX_TILE_BYTES = 48 * 1024;

    /**
     * Which RGC kernel. PLAIN: a warp shares one sub-pixel phase (uniform table loads, lattice reads two points
     * apart); PIXEL: a warp covers 32 neighbouring output pixels (overlapping lattice windows, fewer cache lines per
     * load); TILED: as PLAIN with each frame's lattice window of the block staged in shared memory.
     */
    public enum Kernel {
        PLAIN,
        PIXEL,
        TILED
    }

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input, context.device(CudaDevice.class));
    }

    /** The eSRRF time series of {@code in} computed on {@code dev}. */
    public static ImageStack apply(EsrrfParams p, ImageStack in, CudaDevice dev) {
        return apply(p, in, dev, null);
    }

    /** As {@link #apply(EsrrfParams, ImageStack, CudaDevice)}, recording phase times when {@code timings} is set. */
    public static ImageStack apply(EsrrfParams p, ImageStack in, CudaDevice dev, DeviceTimings timings) {
        return apply(p, in, dev, timings, Kernel.PLAIN);
    }

    /** As {@link #apply(EsrrfParams, ImageStack, CudaDevice, DeviceTimings)} with the given RGC kernel. */
    public static ImageStack apply(EsrrfParams p, ImageStack in, CudaDevice dev, DeviceTimings timings, Kernel kernel) {
        new Esrrf().validate(p, in);
        DeviceTables t = new DeviceTables(new EsrrfPlan(p, in.height(), in.width()));
        EsrrfPlan plan = t.plan;
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int px = plan.hm * plan.wm;
        float[] out = new float[timePoints * px];
        int stat = p.temporal().ordinal();
        List<CUdeviceptr> owned = new ArrayList<>();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CUfunction lattice = dev.function(EsrrfCuda.class, PTX, "esrrf_lattice");
            int[] tileShape = kernel == Kernel.TILED ? tileShape(t.plan) : null;
            boolean tiled = tileShape != null;
            boolean pixel = kernel == Kernel.PIXEL;
            CUfunction rgc = dev.function(EsrrfCuda.class, PTX,
                    tiled ? "esrrf_rgc_tiled" : pixel ? "esrrf_rgc_pixel" : "esrrf_rgc");
            CUfunction finish = dev.function(EsrrfCuda.class, PTX, "esrrf_finish");
            long[] free = new long[1];
            long[] total = new long[1];
            cuMemGetInfo(free, total);
            int chunk = ChunkPlanner.framesPerChunk(t, p.temporal(), block, free[0], free[0]);
            CUstream stream = dev.stream();
            try {
                CUdeviceptr frames = alloc(owned, 4L * chunk * in.frameSize());
                CUdeviceptr lat = alloc(owned, 8L * chunk * t.latticePoints());
                CUdeviceptr sum = alloc(owned, 8L * px);
                CUdeviceptr second = alloc(owned, p.temporal() == TemporalCorrelation.AVG ? 8 : 8L * px);
                CUdeviceptr first = alloc(owned, p.temporal() == TemporalCorrelation.TAC2 ? 4L * px : 4);
                CUdeviceptr last = alloc(owned, p.temporal() == TemporalCorrelation.TAC2 ? 4L * px : 4);
                CUdeviceptr result = alloc(owned, 4L * px);
                CUdeviceptr[] tb = {
                    upload(owned, Pointer.to(t.baseY), 4L * t.baseY.length), upload(owned, Pointer.to(t.baseX), 4L * t.baseX.length),
                    upload(owned, Pointer.to(t.insideY), t.insideY.length), upload(owned, Pointer.to(t.insideX), t.insideX.length),
                    upload(owned, Pointer.to(t.start), 4L * t.start.length), upload(owned, Pointer.to(t.offs), 4L * t.offs.length),
                    upload(owned, Pointer.to(t.djdi), 4L * t.djdi.length),
                    upload(owned, Pointer.to(tiled ? tiledSamples(t, tileShape[1]) : t.samples), 4L * t.samples.length),
                    upload(owned, Pointer.to(t.wsum), 4L * t.wsum.length), upload(owned, Pointer.to(plan.tapY), 4L * plan.tapY.length),
                    upload(owned, Pointer.to(plan.wY), 4L * plan.wY.length), upload(owned, Pointer.to(plan.tapX), 4L * plan.tapX.length),
                    upload(owned, Pointer.to(plan.wX), 4L * plan.wX.length)
                };
                int geo = plan.geo == Geometry.NANOPYX ? 1 : 0;
                for (int tp = 0; tp < timePoints; tp++) {
                    int from = tp * block;
                    int to = Math.min(from + block, in.frames());
                    for (int c = from; c < to; c += chunk) {
                        int n = Math.min(chunk, to - c);
                        long t0 = System.nanoTime();
                        // synchronous: JCuda cannot copy asynchronously from a movable Java array
                        cuMemcpyHtoD(frames, Pointer.to(in.data()).withByteOffset(4L * in.offset(c)),
                                4L * n * in.frameSize());
                        long t1 = System.nanoTime();
                        if (timings != null) {
                            timings.upload(t1 - t0);
                        }
                        Pointer la = Pointer.to(Pointer.to(frames), Pointer.to(lat), ints(plan.h), ints(plan.w),
                                ints(plan.m), ints(geo));
                        cuLaunchKernel(lattice, blocks(plan.lw, 32), blocks(2 * plan.h + 1, 8), n, 32, 8, 1, 0, stream,
                                la, null);
                        Pointer ra = Pointer.to(Pointer.to(frames), Pointer.to(lat), ints(n), ints(c - from),
                                ints(plan.h), ints(plan.w), ints(plan.m), ints(plan.margin), ints(plan.kMin),
                                ints(plan.kyMax), ints(plan.kxMax), Pointer.to(tb[0]), Pointer.to(tb[1]),
                                Pointer.to(tb[2]), Pointer.to(tb[3]), Pointer.to(tb[4]), Pointer.to(tb[5]),
                                Pointer.to(tb[6]), Pointer.to(tb[7]), Pointer.to(tb[8]), Pointer.to(tb[9]),
                                Pointer.to(tb[10]), Pointer.to(tb[11]), Pointer.to(tb[12]),
                                Pointer.to(new float[] {plan.sensitivity}), ints(plan.weighting ? 1 : 0), ints(stat),
                                Pointer.to(sum), Pointer.to(second), Pointer.to(first), Pointer.to(last),
                                ints(tiled ? tileShape[0] : 0), ints(tiled ? tileShape[1] : 0));
                        int shared = tiled ? 8 * tileShape[0] * tileShape[1] : 0;
                        if (pixel) {
                            cuLaunchKernel(rgc, blocks(plan.wm, BLOCK_X), blocks(plan.hm, BLOCK_Y), 1, BLOCK_X, BLOCK_Y, 1,
                                    0, stream, ra, null);
                        } else {
                            cuLaunchKernel(rgc, blocks(plan.w, BLOCK_X), blocks(plan.hm, BLOCK_Y), plan.m, BLOCK_X,
                                    BLOCK_Y, 1, shared, stream, ra, null);
                        }
                        if (timings != null) {
                            cuStreamSynchronize(stream);
                            timings.kernel(System.nanoTime() - t1, n);
                        }
                    }
                    Pointer fa = Pointer.to(Pointer.to(sum), Pointer.to(second), Pointer.to(first), Pointer.to(last),
                            ints(px), ints(to - from), ints(stat), Pointer.to(result));
                    cuLaunchKernel(finish, blocks(px, 256), 1, 1, 256, 1, 1, 0, stream, fa, null);
                    cuStreamSynchronize(stream);
                    long t2 = System.nanoTime();
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(4L * tp * px), result, 4L * px);
                    if (timings != null) {
                        timings.download(System.nanoTime() - t2);
                    }
                }
            } finally {
                for (CUdeviceptr d : owned) {
                    cuMemFree(d);
                }
            }
        }
        if (p.macroPixelCorrection()) {
            for (int tp = 0; tp < timePoints; tp++) {
                MacroPixelCorrection.applyInPlace(out, tp * px, plan.hm, plan.wm, plan.m);
            }
        }
        return new ImageStack(timePoints, plan.hm, plan.wm, out);
    }

    /** Rows and columns of the largest lattice window of a thread block, or null when it does not fit shared memory. */
    static int[] tileShape(EsrrfPlan p) {
        int spanY = 0;
        int spanX = 0;
        for (int s = 0; s < p.m; s++) {
            spanY = Math.max(spanY, p.spanY[s]);
            spanX = Math.max(spanX, p.spanX[s]);
        }
        int rows = 0;
        for (int i0 = 0; i0 < p.hm; i0 += BLOCK_Y) {
            rows = Math.max(rows, p.baseY[Math.min(i0 + BLOCK_Y - 1, p.hm - 1)] - p.baseY[i0] + spanY + 1);
        }
        int cols = 2 * (BLOCK_X - 1) + spanX + 1;
        return 8L * rows * cols <= MAX_TILE_BYTES ? new int[] {rows, cols} : null;
    }

    /** The sample table with each lattice offset re-expressed for a tile row length of {@code tileCols}. */
    static float[] tiledSamples(DeviceTables t, int tileCols) {
        float[] s = t.samples.clone();
        for (int k = 0; k < s.length / 4; k++) {
            int packed = t.djdi[k];
            s[4 * k + 3] = Float.intBitsToFloat((packed >> 16) * tileCols + (packed & 0xffff));
        }
        return s;
    }

    private static int blocks(long n, int per) {
        return (int) ((n + per - 1) / per);
    }

    private static Pointer ints(int v) {
        return Pointer.to(new int[] {v});
    }

    private static CUdeviceptr alloc(List<CUdeviceptr> owned, long bytes) {
        CUdeviceptr d = new CUdeviceptr();
        cuMemAlloc(d, Math.max(bytes, 4));
        owned.add(d);
        return d;
    }

    private static CUdeviceptr upload(List<CUdeviceptr> owned, Pointer host, long bytes) {
        CUdeviceptr d = alloc(owned, bytes);
        cuMemcpyHtoD(d, host, Math.max(bytes, 1));
        return d;
    }
}
