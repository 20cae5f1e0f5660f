package org.flowscope.methods.conv2d;

import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;

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
 * {@link Conv2d} as an OpenCL kernel ({@code conv2d.cl}), one work item per output pixel, any kernel shape.
 * Frames are sent in chunks sized before launch from the device's memory, so a long stack never meets an
 * out-of-memory error half way; buffers come from the device's pool and are reused call after call.
 */
public final class Conv2dOpenCl implements Implementation<Conv2dParams, ImageStack, ImageStack> {
    public static final String ID = "conv2d.opencl";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Conv2d.class, Backend.OPENCL, Precision.FP32, "OpenCL kernel, one work item per pixel");
    private static final long[] LOCAL = {32, 8, 1};

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(Conv2dParams params, ImageStack input, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        int h = input.height();
        int w = input.width();
        long frameBytes = (long) input.frameSize() * Sizeof.cl_float;
        // input and output chunks both live on the device; a quarter of its memory at most, so that the pooled
        // buffers have the same size call after call and other work keeps room
        long budget = Math.min(dev.maxAllocBytes(), dev.globalMemBytes() / 4);
        int chunk = (int) Math.min(input.frames(), budget / frameBytes);
        if (chunk < 1) {
            throw new DeviceMemoryException("conv2d.opencl frame of " + h + "x" + w, frameBytes, budget);
        }
        float[] in = input.data();
        float[] out = new float[in.length];
        float[] weights = params.weights();
        synchronized (dev.lock()) {
            cl_kernel kernel = OpenClKernelArgs.kernel(dev, Conv2dOpenCl.class, "conv2d.cl", Conv2dKernel.class);
            cl_command_queue q = dev.queue();
            try (OpenClBuffer wBuf = dev.buffer((long) weights.length * Sizeof.cl_float, CL_MEM_READ_ONLY);
                    OpenClBuffer inBuf = dev.buffer(chunk * frameBytes, CL_MEM_READ_ONLY);
                    OpenClBuffer outBuf = dev.buffer(chunk * frameBytes, CL_MEM_WRITE_ONLY)) {
                clEnqueueWriteBuffer(q, wBuf.mem(), CL_TRUE, 0, wBuf.bytes(), Pointer.to(weights), 0, null, null);
                OpenClKernelArgs.bind(kernel, Conv2dKernel.of(inBuf.mem(), outBuf.mem(), wBuf.mem(), h, w, params));
                // 32 x 8 groups suit GPUs; a device that allows fewer work items per group picks its own
                long[] local = maxGroup(kernel, dev) >= LOCAL[0] * LOCAL[1] ? LOCAL : null;
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    long bytes = n * frameBytes;
                    long offset = f0 * frameBytes;
                    clEnqueueWriteBuffer(q, inBuf.mem(), CL_TRUE, 0, bytes, Pointer.to(in).withByteOffset(offset), 0, null, null);
                    long[] global = local == null ? new long[] {w, h, n} : new long[] {roundUp(w, LOCAL[0]), roundUp(h, LOCAL[1]), n};
                    clEnqueueNDRangeKernel(q, kernel, 3, null, global, local, 0, null, null);
                    clEnqueueReadBuffer(q, outBuf.mem(), CL_TRUE, 0, bytes, Pointer.to(out).withByteOffset(offset), 0, null, null);
                }
            } catch (CLException e) {
                if (e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES) {
                    throw new DeviceMemoryException("conv2d.opencl buffers on " + dev.identity().label() + " (" + e.getMessage() + ")",
                            2 * chunk * frameBytes, budget);
                }
                throw e;
            }
        }
        return new ImageStack(input.frames(), h, w, out);
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
