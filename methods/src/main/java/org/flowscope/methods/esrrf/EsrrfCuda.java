package org.flowscope.methods.esrrf;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaBuffer;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.EsrrfKernels.Finish;
import org.flowscope.methods.esrrf.EsrrfKernels.Lattice;
import org.flowscope.methods.esrrf.EsrrfKernels.Rgc;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.esrrf.EsrrfKernels.Tables;
import org.flowscope.methods.gpu.CudaKernelArgs;

/**
 * eSRRF fused on an NVIDIA GPU from the committed PTX of {@code esrrf.cu} (the CUDA twin of {@link EsrrfOpenCl}):
 * per chunk of frames, one kernel builds the unit gradient lattices, a second computes RGC, intensity weighting and
 * the temporal running sums in registers over all frames of the chunk, one thread per output pixel, with the
 * threads of a warp sharing a sub-pixel phase and hence one sample table. Per-frame maps are never written. Chunk
 * length comes from free device memory before launch ({@link ChunkPlanner}); every pixel is defined. Device buffers
 * come from the device's pool and go back to it after the call (no allocation per call once the pool has the sizes).
 */
public final class EsrrfCuda implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EsrrfCuda.class);
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.cuda", Esrrf.class, Backend.CUDA,
            Precision.MIXED, "eSRRF fused on an NVIDIA GPU (PTX; lattice, RGC and temporal sums on the device)");
    static final String PTX = "esrrf.ptx";
    static final int BLOCK_X = 32;
    static final int BLOCK_Y = 4;

    /**
     * How the RGC kernel of a chunk is launched. The product has one ({@link #PLAIN}); the benchmarks module tries
     * experimental kernels through this seam, so that they run in exactly the same host loop.
     */
    interface RgcLaunch {
        /** The sample table the kernel reads; the plain kernel reads {@link DeviceTables#samples} as is. */
        default float[] samples(DeviceTables t) {
            return t.samples;
        }

        void launch(CudaDevice dev, Rgc<CUdeviceptr> args, EsrrfPlan plan);
    }

    /** Thread (q, i, sx) computes output pixel (i, q M + sx): a warp shares one sub-pixel phase. */
    static final RgcLaunch PLAIN = (dev, args, plan) -> cuLaunchKernel(
            CudaKernelArgs.function(dev, EsrrfCuda.class, PTX, Rgc.class), blocks(plan.w, BLOCK_X),
            blocks(plan.hm, BLOCK_Y), plan.m, BLOCK_X, BLOCK_Y, 1, 0, dev.stream(), CudaKernelArgs.params(args), null);

    private final DeviceTimings timings;
    private final RgcLaunch rgc;

    /** The implementation the engine runs. */
    public EsrrfCuda() {
        this(null);
    }

    /**
     * For benchmarks: adds each run's phase times to {@code timings} (it synchronises after every phase, so runs are
     * slightly slower than without).
     */
    public EsrrfCuda(DeviceTimings timings) {
        this(timings, PLAIN);
    }

    EsrrfCuda(DeviceTimings timings, RgcLaunch rgc) {
        this.timings = timings;
        this.rgc = rgc;
    }

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfParams p, ImageStack in, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        new Esrrf().validate(p, in);
        DeviceTables t = new DeviceTables(new EsrrfPlan(p, in.height(), in.width()));
        EsrrfPlan plan = t.plan;
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int px = plan.hm * plan.wm;
        float[] out = new float[timePoints * px];
        TemporalCorrelation stat = p.temporal();
        List<CudaBuffer> owned = new ArrayList<>();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            long[] free = new long[1];
            long[] total = new long[1];
            cuMemGetInfo(free, total);
            int chunk = ChunkPlanner.framesPerChunk(t, stat, block, free[0], free[0]);
            CUstream stream = dev.stream();
            try {
                CUdeviceptr frames = alloc(dev, owned, 4L * chunk * in.frameSize());
                CUdeviceptr lat = alloc(dev, owned, 8L * chunk * t.latticePoints());
                Sums<CUdeviceptr> sums = new Sums<>(alloc(dev, owned, 8L * px),
                        alloc(dev, owned, stat == TemporalCorrelation.AVG ? 8 : 8L * px),
                        alloc(dev, owned, stat == TemporalCorrelation.TAC2 ? 4L * px : 4),
                        alloc(dev, owned, stat == TemporalCorrelation.TAC2 ? 4L * px : 4));
                CUdeviceptr result = alloc(dev, owned, 4L * px);
                Tables<CUdeviceptr> tables = Tables.upload(t, uploader(dev, owned));
                float[] samples = rgc.samples(t);
                if (samples != t.samples) {
                    tables = tables.withSamples(upload(dev, owned, Pointer.to(samples), 4L * samples.length));
                }
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
                        cuLaunchKernel(CudaKernelArgs.function(dev, EsrrfCuda.class, PTX, Lattice.class),
                                blocks(plan.lw, 32), blocks(2 * plan.h + 1, 8), n, 32, 8, 1, 0, stream,
                                CudaKernelArgs.params(Lattice.of(frames, lat, plan)), null);
                        rgc.launch(dev, Rgc.of(frames, lat, n, c - from, plan, stat, tables, sums), plan);
                        if (timings != null) {
                            cuStreamSynchronize(stream);
                            timings.kernel(System.nanoTime() - t1, n);
                        }
                    }
                    cuLaunchKernel(CudaKernelArgs.function(dev, EsrrfCuda.class, PTX, Finish.class), blocks(px, 256), 1, 1,
                            256, 1, 1, 0, stream, CudaKernelArgs.params(Finish.of(sums, px, to - from, stat, result)), null);
                    cuStreamSynchronize(stream);
                    long t2 = System.nanoTime();
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(4L * tp * px), result, 4L * px);
                    if (timings != null) {
                        timings.download(System.nanoTime() - t2);
                    }
                }
                owned.forEach(CudaBuffer::close);
                owned.clear();
            } finally {
                giveBackAfterFailure(dev, stream, owned);
            }
        }
        if (p.macroPixelCorrection()) {
            for (int tp = 0; tp < timePoints; tp++) {
                MacroPixelCorrection.applyInPlace(out, tp * px, plan.hm, plan.wm, plan.m);
            }
        }
        return new ImageStack(timePoints, plan.hm, plan.wm, out);
    }

    static int blocks(long n, int per) {
        return (int) ((n + per - 1) / per);
    }

    /**
     * After a failed call: its buffers go back to the pool once the stream has drained; when the stream itself fails
     * they are left alone, since work may still use them.
     */
    private static void giveBackAfterFailure(CudaDevice dev, CUstream stream, List<CudaBuffer> owned) {
        if (owned.isEmpty()) {
            return;
        }
        try {
            cuStreamSynchronize(stream);
        } catch (RuntimeException e) {
            LOG.warn("eSRRF on {}: the stream failed after a failed call ({}); {} device buffers are not reused",
                    dev.identity().label(), e.toString(), owned.size());
            return;
        }
        owned.forEach(CudaBuffer::close);
    }

    private static EsrrfKernels.Uploader<CUdeviceptr> uploader(CudaDevice dev, List<CudaBuffer> owned) {
        return new EsrrfKernels.Uploader<>() {
            @Override
            public CUdeviceptr ints(int[] v) {
                return upload(dev, owned, Pointer.to(v), 4L * v.length);
            }

            @Override
            public CUdeviceptr floats(float[] v) {
                return upload(dev, owned, Pointer.to(v), 4L * v.length);
            }

            @Override
            public CUdeviceptr bytes(byte[] v) {
                return upload(dev, owned, Pointer.to(v), v.length);
            }
        };
    }

    private static CUdeviceptr alloc(CudaDevice dev, List<CudaBuffer> owned, long bytes) {
        CudaBuffer b = dev.buffer(Math.max(bytes, 4));
        owned.add(b);
        return b.pointer();
    }

    private static CUdeviceptr upload(CudaDevice dev, List<CudaBuffer> owned, Pointer host, long bytes) {
        CUdeviceptr d = alloc(dev, owned, bytes);
        if (bytes > 0) {
            cuMemcpyHtoD(d, host, bytes);
        }
        return d;
    }
}
