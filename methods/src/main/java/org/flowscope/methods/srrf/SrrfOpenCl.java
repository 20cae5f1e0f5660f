package org.flowscope.methods.srrf;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clReleaseMemObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.flowscope.methods.srrf.SrrfKernels.Accumulate;
import org.flowscope.methods.srrf.SrrfKernels.Buffers;
import org.flowscope.methods.srrf.SrrfKernels.Finish;
import org.flowscope.methods.srrf.SrrfKernels.Gradients;
import org.flowscope.methods.srrf.SrrfKernels.PhaseMeans;
import org.flowscope.methods.srrf.SrrfKernels.Shape;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * SRRF fused on an OpenCL device ({@code srrf.cl}): per chunk of frames, one kernel takes the gradients, a second
 * computes radiality, intensity weighting and the temporal running sums of every output pixel over all frames of the
 * chunk, keeping them in registers; only the final statistic leaves the device. With NanoPyx's per-frame macro-pixel
 * correction, a reduction kernel first computes each frame's phase means (the radiality is then computed twice).
 * Unlike NanoPyx's OpenCL radiality, intensity weighting is honoured. Chunk length comes from the device's memory
 * limits before launch ({@link DeviceMemory}). float32 per frame, double running sums; within 1e-4 of the largest
 * value of the Java reference.
 */
public final class SrrfOpenCl implements Implementation<SrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("srrf.opencl", Srrf.class, Backend.OPENCL,
            Precision.MIXED, "SRRF fused on an OpenCL device (gradients, radiality and temporal sums on the device)");
    private static final String SOURCE = "srrf.cl";
    /** The ring positions x0 / M must round as the Java reference's (see SrrfPlan). */
    private static final String OPTIONS = "-cl-fp32-correctly-rounded-divide-sqrt";

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
    public ImageStack run(SrrfParams p, ImageStack in, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        new Srrf().validate(p, in);
        Shape s = Shape.of(p, in.height(), in.width());
        DeviceMemory mem = new DeviceMemory(p, in.height(), in.width());
        int used = p.usedFrames(in.frames());
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int chunk = mem.framesPerChunk(block, dev.globalMemBytes(), dev.maxAllocBytes());
        int px = s.pixels();
        int hm = in.height() * s.m();
        int wm = in.width() * s.m();
        boolean divide = p.correctsFrames();
        float[] out = new float[timePoints * px];
        cl_kernel gradients = kernel(dev, Gradients.class);
        cl_kernel means = divide ? kernel(dev, PhaseMeans.class) : null;
        cl_kernel accumulate = kernel(dev, Accumulate.class);
        cl_kernel finish = kernel(dev, Finish.class);
        List<cl_mem> owned = new ArrayList<>();
        synchronized (dev.lock()) {
            try {
                cl_context ctx = dev.context();
                Buffers<cl_mem> b = new Buffers<>(alloc(ctx, owned, 4L * chunk * in.frameSize()),
                        alloc(ctx, owned, 8L * chunk * in.frameSize()), upload(ctx, owned, p.ring()),
                        alloc(ctx, owned, divide ? 4L * chunk * mem.phases : 4), alloc(ctx, owned, 8L * mem.slots * px),
                        alloc(ctx, owned, mem.cumulant ? 16L * px : 4), alloc(ctx, owned, mem.cumulant ? 4L * px : 4),
                        alloc(ctx, owned, 4L * px));
                for (int tp = 0; tp < timePoints; tp++) {
                    int from = tp * block;
                    int to = Math.min(from + block, used);
                    for (int c = from; c < to; c += chunk) {
                        int n = Math.min(chunk, to - c);
                        clEnqueueWriteBuffer(dev.queue(), b.frames(), CL_TRUE, 0, 4L * n * in.frameSize(),
                                Pointer.to(in.data()).withByteOffset(4L * in.offset(c)), 0, null, null);
                        OpenClKernelArgs.bind(gradients, Gradients.of(b, s));
                        clEnqueueNDRangeKernel(dev.queue(), gradients, 3, null,
                                new long[] {roundUp(s.w(), 16), roundUp(s.h(), 16), n}, new long[] {16, 16, 1}, 0, null,
                                null);
                        if (divide) {
                            OpenClKernelArgs.bind(means, PhaseMeans.of(b, s));
                            clEnqueueNDRangeKernel(dev.queue(), means, 2, null,
                                    new long[] {(long) SrrfKernels.GROUP * mem.phases, n},
                                    new long[] {SrrfKernels.GROUP, 1}, 0, null, null);
                        }
                        OpenClKernelArgs.bind(accumulate, Accumulate.of(b, s, n, c - from, divide));
                        clEnqueueNDRangeKernel(dev.queue(), accumulate, 2, null,
                                new long[] {roundUp(wm, 32), roundUp(hm, 8)}, new long[] {32, 8}, 0, null, null);
                    }
                    OpenClKernelArgs.bind(finish, Finish.of(b, s, to - from));
                    clEnqueueNDRangeKernel(dev.queue(), finish, 1, null, new long[] {roundUp(px, 256)},
                            new long[] {256}, 0, null, null);
                    clEnqueueReadBuffer(dev.queue(), b.result(), CL_TRUE, 0, 4L * px,
                            Pointer.to(out).withByteOffset(4L * tp * px), 0, null, null);
                }
                clFinish(dev.queue());
            } finally {
                owned.forEach(m -> clReleaseMemObject(m));
            }
        }
        if (p.macroPixelCorrection() && !divide) {
            for (int tp = 0; tp < timePoints; tp++) {
                MacroPixelCorrection.applyInPlace(out, tp * px, hm, wm, s.m());
            }
        }
        return new ImageStack(timePoints, hm, wm, out);
    }

    private static cl_kernel kernel(OpenClDevice dev, Class<? extends Record> args) {
        return dev.kernel(SrrfOpenCl.class, SOURCE, SrrfKernels.name(args), OPTIONS);
    }

    static long roundUp(long n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private static cl_mem alloc(cl_context ctx, List<cl_mem> owned, long bytes) {
        cl_mem m = clCreateBuffer(ctx, CL_MEM_READ_WRITE, Math.max(bytes, 4), null, null);
        owned.add(m);
        return m;
    }

    private static cl_mem upload(cl_context ctx, List<cl_mem> owned, float[] values) {
        cl_mem m = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, 4L * values.length,
                Pointer.to(values), null);
        owned.add(m);
        return m;
    }
}
