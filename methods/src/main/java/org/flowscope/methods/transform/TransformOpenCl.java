package org.flowscope.methods.transform;

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

/**
 * {@link Transform} as an OpenCL kernel ({@code transform.cl}), one work item per output pixel. Frames go in chunks
 * sized before launch from the device's memory; buffers come from the device's pool.
 */
public final class TransformOpenCl implements Implementation<TransformParams, ImageStack, ImageStack> {
    public static final String ID = "transform.opencl";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Transform.class, Backend.OPENCL, Precision.FP32, "OpenCL kernel, one work item per output pixel");
    private static final long[] LOCAL = {32, 8, 1};

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(TransformParams params, ImageStack input, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        TransformKernels.Plan plan = TransformKernels.Plan.of(params, input);
        long budget = Math.min(dev.maxAllocBytes(), dev.globalMemBytes() / 4);
        int chunk = (int) Math.min(Math.min(input.frames(), 65535), budget / (2 * plan.frameBytes()));
        if (chunk < 1) {
            throw new DeviceMemoryException(ID + " frame of " + plan.h() + "x" + plan.w(), 2 * plan.frameBytes(), budget);
        }
        float[] in = input.data();
        float[] out = new float[in.length];
        synchronized (dev.lock()) {
            cl_kernel kernel = OpenClKernelArgs.kernel(dev, TransformOpenCl.class, "transform.cl", TransformKernels.Warp.class);
            cl_command_queue q = dev.queue();
            try (OpenClBuffer au = upload(dev, plan.au());
                    OpenClBuffer cu = upload(dev, plan.cu());
                    OpenClBuffer bv = upload(dev, plan.bv());
                    OpenClBuffer dv = upload(dev, plan.dv());
                    OpenClBuffer inBuf = dev.buffer(chunk * plan.frameBytes(), CL_MEM_READ_ONLY);
                    OpenClBuffer outBuf = dev.buffer(chunk * plan.frameBytes(), CL_MEM_WRITE_ONLY)) {
                OpenClKernelArgs.bind(kernel, TransformKernels.Warp.of(inBuf.mem(), outBuf.mem(), au.mem(), cu.mem(),
                        bv.mem(), dv.mem(), plan));
                // 32 x 8 groups suit GPUs; a device that allows fewer work items per group picks its own
                long[] local = maxGroup(kernel, dev) >= LOCAL[0] * LOCAL[1] ? LOCAL : null;
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    long bytes = n * plan.frameBytes();
                    long offset = f0 * plan.frameBytes();
                    clEnqueueWriteBuffer(q, inBuf.mem(), CL_TRUE, 0, bytes, Pointer.to(in).withByteOffset(offset), 0, null, null);
                    long[] global = local == null ? new long[] {plan.w(), plan.h(), n}
                            : new long[] {roundUp(plan.w(), LOCAL[0]), roundUp(plan.h(), LOCAL[1]), n};
                    clEnqueueNDRangeKernel(q, kernel, 3, null, global, local, 0, null, null);
                    clEnqueueReadBuffer(q, outBuf.mem(), CL_TRUE, 0, bytes, Pointer.to(out).withByteOffset(offset), 0, null, null);
                }
            } catch (CLException e) {
                if (e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES) {
                    throw new DeviceMemoryException(ID + " buffers on " + dev.identity().label() + " (" + e.getMessage() + ")",
                            2 * chunk * plan.frameBytes(), budget);
                }
                throw e;
            }
        }
        return new ImageStack(input.frames(), plan.h(), plan.w(), out);
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
