package org.flowscope.methods.magnify;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clGetKernelWorkGroupInfo;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClBuffer;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * {@link Magnify} as an OpenCL kernel ({@code magnify.cl}), one work item per output pixel summing the host-computed
 * taps ({@link AxisTaps}). Frames go in chunks sized before launch from the device's memory (input and output chunk
 * together within a quarter of it, each buffer within the allocation limit); buffers come from the device's pool.
 */
public final class MagnifyOpenCl implements Implementation<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify.opencl";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Magnify.class, Backend.OPENCL, Precision.FP32, "OpenCL kernel, one work item per output pixel");
    private static final long[] LOCAL = {32, 8, 1};

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyParams params, ImageStack input, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        MagnifyKernels.Plan plan = MagnifyKernels.Plan.of(params, input);
        long budget = Math.min(dev.maxAllocBytes(), dev.globalMemBytes() / 4);
        int chunk = plan.chunk(input.frames(), budget, dev.maxAllocBytes());
        if (chunk < 1) {
            throw new DeviceMemoryException(ID + " frame of " + plan.h() + "x" + plan.w() + " -> " + plan.hm() + "x"
                    + plan.wm(), plan.inFrameBytes() + plan.outFrameBytes(), budget);
        }
        float[] in = input.data();
        float[] out = new float[input.frames() * plan.hm() * plan.wm()];
        AxisTaps rows = plan.rows();
        AxisTaps cols = plan.cols();
        synchronized (dev.lock()) {
            cl_kernel kernel = OpenClKernelArgs.kernel(dev, MagnifyOpenCl.class, "magnify.cl", MagnifyKernels.Sample.class);
            cl_command_queue q = dev.queue();
            try (OpenClBuffer tapY = upload(dev, rows.index());
                    OpenClBuffer wY = upload(dev, rows.weight());
                    OpenClBuffer tapX = upload(dev, cols.index());
                    OpenClBuffer wX = upload(dev, cols.weight());
                    OpenClBuffer inBuf = dev.buffer(chunk * plan.inFrameBytes(), CL_MEM_READ_ONLY);
                    OpenClBuffer outBuf = dev.buffer(chunk * plan.outFrameBytes(), CL_MEM_WRITE_ONLY)) {
                MagnifyKernels.Tables<cl_mem> t = new MagnifyKernels.Tables<>(tapY.mem(), wY.mem(), tapX.mem(), wX.mem(), rows.taps());
                OpenClKernelArgs.bind(kernel, MagnifyKernels.Sample.of(inBuf.mem(), outBuf.mem(), t, plan.h(), plan.w(),
                        plan.hm(), plan.wm()));
                // 32 x 8 groups suit GPUs; a device that allows fewer work items per group picks its own
                long[] local = maxGroup(kernel, dev) >= LOCAL[0] * LOCAL[1] ? LOCAL : null;
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    clEnqueueWriteBuffer(q, inBuf.mem(), CL_TRUE, 0, n * plan.inFrameBytes(),
                            Pointer.to(in).withByteOffset(f0 * plan.inFrameBytes()), 0, null, null);
                    long[] global = local == null ? new long[] {plan.wm(), plan.hm(), n}
                            : new long[] {roundUp(plan.wm(), LOCAL[0]), roundUp(plan.hm(), LOCAL[1]), n};
                    clEnqueueNDRangeKernel(q, kernel, 3, null, global, local, 0, null, null);
                    clEnqueueReadBuffer(q, outBuf.mem(), CL_TRUE, 0, n * plan.outFrameBytes(),
                            Pointer.to(out).withByteOffset(f0 * plan.outFrameBytes()), 0, null, null);
                }
            } catch (CLException e) {
                if (e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES) {
                    throw new DeviceMemoryException(ID + " buffers on " + dev.identity().label() + " (" + e.getMessage() + ")",
                            chunk * (plan.inFrameBytes() + plan.outFrameBytes()), budget);
                }
                throw e;
            }
        }
        return new ImageStack(input.frames(), plan.hm(), plan.wm(), out);
    }

    private static OpenClBuffer upload(OpenClDevice dev, int[] values) {
        OpenClBuffer b = dev.buffer((long) values.length * Sizeof.cl_int, CL_MEM_READ_ONLY);
        try {
            clEnqueueWriteBuffer(dev.queue(), b.mem(), CL_TRUE, 0, b.bytes(), Pointer.to(values), 0, null, null);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private static OpenClBuffer upload(OpenClDevice dev, float[] values) {
        OpenClBuffer b = dev.buffer((long) values.length * Sizeof.cl_float, CL_MEM_READ_ONLY);
        try {
            clEnqueueWriteBuffer(dev.queue(), b.mem(), CL_TRUE, 0, b.bytes(), Pointer.to(values), 0, null, null);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private static long maxGroup(cl_kernel kernel, OpenClDevice dev) {
        long[] size = new long[1];
        clGetKernelWorkGroupInfo(kernel, dev.id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null);
        return size[0];
    }

    private static long roundUp(long n, long m) {
        return (n + m - 1) / m * m;
    }
}
