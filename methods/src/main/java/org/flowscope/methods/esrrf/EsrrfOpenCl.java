package org.flowscope.methods.esrrf;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClBuffer;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.EsrrfKernels.Finish;
import org.flowscope.methods.esrrf.EsrrfKernels.Lattice;
import org.flowscope.methods.esrrf.EsrrfKernels.Rgc;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.esrrf.EsrrfKernels.Tables;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * eSRRF fused on an OpenCL device ({@code esrrf.cl}): per chunk of frames, one kernel builds every frame's unit
 * gradient lattice, a second computes RGC, intensity weighting and the temporal running sums for every output pixel
 * over all frames of the chunk, keeping them in registers; only the final statistic leaves the device. Per-frame
 * maps are never written. Chunk length comes from the device's memory limits before launch ({@link ChunkPlanner}).
 * Every output pixel is written, margins included. float32 arithmetic with double running sums; within 1e-4 of
 * the largest value of the Java reference. Device buffers come from the device's pool and go back to it after the
 * call, so repeated calls of one shape (live windows, a parameter sweep) allocate nothing once the pool has them.
 */
public final class EsrrfOpenCl implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EsrrfOpenCl.class);
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.opencl", Esrrf.class, Backend.OPENCL,
            Precision.MIXED, "eSRRF fused on an OpenCL device (lattice, RGC and temporal sums on the device)");
    private static final String SOURCE = "esrrf.cl";
    private static final int TILE = 16;

    private final DeviceTimings timings;

    /** The implementation the engine runs. */
    public EsrrfOpenCl() {
        this(null);
    }

    /**
     * For benchmarks: adds each run's phase times to {@code timings} (it finishes the queue after every phase, so
     * runs are slightly slower than without).
     */
    public EsrrfOpenCl(DeviceTimings timings) {
        this.timings = timings;
    }

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Availability availability(Device device) {
        if (!(device instanceof OpenClDevice ocl)) {
            return Availability.unavailable("not an OpenCL device: " + device.identity().label());
        }
        if (!extensions(ocl).contains("cl_khr_fp64")) {
            return Availability.unavailable("device lacks cl_khr_fp64, needed for the temporal running sums");
        }
        return Availability.ok();
    }

    private static String extensions(OpenClDevice d) {
        long[] size = new long[1];
        clGetDeviceInfo(d.id(), CL_DEVICE_EXTENSIONS, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        clGetDeviceInfo(d.id(), CL_DEVICE_EXTENSIONS, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Override
    public ImageStack run(EsrrfParams p, ImageStack in, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        new Esrrf().validate(p, in);
        DeviceTables t = new DeviceTables(new EsrrfPlan(p, in.height(), in.width()));
        EsrrfPlan plan = t.plan;
        int block = p.blockLength(in.frames());
        int chunk = ChunkPlanner.framesPerChunk(t, p.temporal(), block, dev.globalMemBytes(), dev.maxAllocBytes());
        int timePoints = p.timePoints(in.frames());
        int px = plan.hm * plan.wm;
        float[] out = new float[timePoints * px];
        TemporalCorrelation stat = p.temporal();
        cl_kernel lattice = OpenClKernelArgs.kernel(dev, EsrrfOpenCl.class, SOURCE, Lattice.class);
        cl_kernel rgc = OpenClKernelArgs.kernel(dev, EsrrfOpenCl.class, SOURCE, Rgc.class);
        cl_kernel finish = OpenClKernelArgs.kernel(dev, EsrrfOpenCl.class, SOURCE, Finish.class);
        List<OpenClBuffer> buffers = new ArrayList<>();
        synchronized (dev.lock()) {
            try {
                cl_mem frames = alloc(dev, buffers, 4L * chunk * in.frameSize());
                cl_mem lat = alloc(dev, buffers, 8L * chunk * t.latticePoints());
                Sums<cl_mem> sums = new Sums<>(alloc(dev, buffers, 8L * px),
                        alloc(dev, buffers, stat == TemporalCorrelation.AVG ? 8 : 8L * px),
                        alloc(dev, buffers, stat == TemporalCorrelation.TAC2 ? 4L * px : 4),
                        alloc(dev, buffers, stat == TemporalCorrelation.TAC2 ? 4L * px : 4));
                cl_mem result = alloc(dev, buffers, 4L * px);
                Tables<cl_mem> tables = Tables.upload(t, uploader(dev, buffers));
                for (int tp = 0; tp < timePoints; tp++) {
                    int from = tp * block;
                    int to = Math.min(from + block, in.frames());
                    for (int c = from; c < to; c += chunk) {
                        int n = Math.min(chunk, to - c);
                        long t0 = System.nanoTime();
                        clEnqueueWriteBuffer(dev.queue(), frames, CL_TRUE, 0, 4L * n * in.frameSize(),
                                Pointer.to(in.data()).withByteOffset(4L * in.offset(c)), 0, null, null);
                        long t1 = System.nanoTime();
                        if (timings != null) {
                            timings.upload(t1 - t0);
                        }
                        OpenClKernelArgs.bind(lattice, Lattice.of(frames, lat, plan));
                        clEnqueueNDRangeKernel(dev.queue(), lattice, 3, null,
                                new long[] {roundUp(plan.lw, TILE), roundUp(2 * plan.h + 1, TILE), n},
                                new long[] {TILE, TILE, 1}, 0, null, null);
                        OpenClKernelArgs.bind(rgc, Rgc.of(frames, lat, n, c - from, plan, stat, tables, sums));
                        clEnqueueNDRangeKernel(dev.queue(), rgc, 3, null,
                                new long[] {roundUp(plan.w, 32), roundUp(plan.hm, 8), plan.m},
                                new long[] {32, 8, 1}, 0, null, null);
                        if (timings != null) {
                            clFinish(dev.queue());
                            timings.kernel(System.nanoTime() - t1, n);
                        }
                    }
                    OpenClKernelArgs.bind(finish, Finish.of(sums, px, to - from, stat, result));
                    clEnqueueNDRangeKernel(dev.queue(), finish, 1, null, new long[] {roundUp(px, 256)},
                            new long[] {256}, 0, null, null);
                    clFinish(dev.queue());
                    long t2 = System.nanoTime();
                    clEnqueueReadBuffer(dev.queue(), result, CL_TRUE, 0, 4L * px,
                            Pointer.to(out).withByteOffset(4L * tp * px), 0, null, null);
                    if (timings != null) {
                        timings.download(System.nanoTime() - t2);
                    }
                }
                clFinish(dev.queue());
                buffers.forEach(OpenClBuffer::close);
                buffers.clear();
            } finally {
                giveBackAfterFailure(dev, buffers);
            }
        }
        if (p.macroPixelCorrection()) {
            for (int tp = 0; tp < timePoints; tp++) {
                MacroPixelCorrection.applyInPlace(out, tp * px, plan.hm, plan.wm, plan.m);
            }
        }
        return new ImageStack(timePoints, plan.hm, plan.wm, out);
    }

    /**
     * After a failed call: its buffers go back to the pool once the queue has drained (the pool hands them to other
     * queues); when the queue itself fails they are left alone, since commands may still use them.
     */
    private static void giveBackAfterFailure(OpenClDevice dev, List<OpenClBuffer> buffers) {
        if (buffers.isEmpty()) {
            return;
        }
        try {
            clFinish(dev.queue());
        } catch (RuntimeException e) {
            LOG.warn("eSRRF on {}: the queue failed after a failed call ({}); {} device buffers are not reused",
                    dev.identity().label(), e.toString(), buffers.size());
            return;
        }
        buffers.forEach(OpenClBuffer::close);
    }

    static long roundUp(long n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private static cl_mem alloc(OpenClDevice dev, List<OpenClBuffer> owned, long bytes) {
        OpenClBuffer b = dev.buffer(Math.max(bytes, 4), CL_MEM_READ_WRITE);
        owned.add(b);
        return b.mem();
    }

    private static EsrrfKernels.Uploader<cl_mem> uploader(OpenClDevice dev, List<OpenClBuffer> owned) {
        return new EsrrfKernels.Uploader<>() {
            @Override
            public cl_mem ints(int[] v) {
                return upload(dev, owned, Pointer.to(v), 4L * v.length);
            }

            @Override
            public cl_mem floats(float[] v) {
                return upload(dev, owned, Pointer.to(v), 4L * v.length);
            }

            @Override
            public cl_mem bytes(byte[] v) {
                return upload(dev, owned, Pointer.to(v), v.length);
            }
        };
    }

    private static cl_mem upload(OpenClDevice dev, List<OpenClBuffer> owned, Pointer host, long bytes) {
        cl_mem m = alloc(dev, owned, bytes);
        if (bytes > 0) {
            clEnqueueWriteBuffer(dev.queue(), m, CL_TRUE, 0, bytes, host, 0, null, null);
        }
        return m;
    }
}
