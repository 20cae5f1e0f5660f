package org.flowscope.methods.nlm;

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
 * {@link Nlm} as an OpenCL kernel ({@code nlm.cl}), one work item per output pixel walking its clipped window with the
 * early exit, patch weights in constant memory. Frames are padded on the host and sent in chunks sized before launch
 * from the device's memory; buffers come from the device's pool. The patch distances are computed without fused
 * multiply-adds (see {@code nlm_device.h}), so the kept candidates are the reference's.
 */
public final class NlmOpenCl implements Implementation<NlmParams, ImageStack, ImageStack> {
    public static final String ID = "nlm.opencl";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Nlm.class, Backend.OPENCL, Precision.FP32, "OpenCL kernel, one work item per pixel");
    private static final long[] LOCAL = {16, 8, 1};

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmParams params, ImageStack input, ExecutionContext context) {
        OpenClDevice dev = context.device(OpenClDevice.class);
        int h = input.height();
        int w = input.width();
        int o = params.offset();
        long paddedBytes = (long) (h + 2 * o) * (w + 2 * o) * Sizeof.cl_float;
        long frameBytes = (long) input.frameSize() * Sizeof.cl_float;
        // a quarter of the device's memory at most, so that the pooled buffers have one size call after call
        long budget = Math.min(dev.maxAllocBytes(), dev.globalMemBytes() / 4);
        if (budget < paddedBytes) {
            throw new DeviceMemoryException(ID + " frame of " + w + "x" + h + " padded by " + o, paddedBytes, budget);
        }
        // the padded chunk is staged in one host array: at most MirrorPad.MAX_CHUNK_FLOATS of it
        long staged = Math.max(1, MirrorPad.MAX_CHUNK_FLOATS / (paddedBytes / 4));
        int chunk = (int) Math.min(Math.min(input.frames(), budget / paddedBytes), staged);
        float[] out = new float[input.data().length];
        float[] weights = params.patchWeights();
        synchronized (dev.lock()) {
            cl_kernel kernel = OpenClKernelArgs.kernel(dev, NlmOpenCl.class, "nlm.cl", NlmKernel.class);
            cl_command_queue queue = dev.queue();
            try (OpenClBuffer wBuf = dev.buffer((long) weights.length * Sizeof.cl_float, CL_MEM_READ_ONLY);
                    OpenClBuffer inBuf = dev.buffer(chunk * paddedBytes, CL_MEM_READ_ONLY);
                    OpenClBuffer outBuf = dev.buffer(chunk * frameBytes, CL_MEM_WRITE_ONLY)) {
                clEnqueueWriteBuffer(queue, wBuf.mem(), CL_TRUE, 0, wBuf.bytes(), Pointer.to(weights), 0, null, null);
                OpenClKernelArgs.bind(kernel, NlmKernel.<cl_mem>of(inBuf.mem(), outBuf.mem(), wBuf.mem(), h, w, params));
                long[] local = groupSize(kernel, dev);
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    float[] padded = MirrorPad.frames(input, f0, n, o);
                    clEnqueueWriteBuffer(queue, inBuf.mem(), CL_TRUE, 0, n * paddedBytes, Pointer.to(padded), 0, null, null);
                    clEnqueueNDRangeKernel(queue, kernel, 3, null, globalSize(local, w, h, n), local, 0, null, null);
                    clEnqueueReadBuffer(queue, outBuf.mem(), CL_TRUE, 0, n * frameBytes,
                            Pointer.to(out).withByteOffset(f0 * frameBytes), 0, null, null);
                }
            } catch (CLException e) {
                if (e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES) {
                    throw new DeviceMemoryException(ID + " buffers on " + dev.identity().label() + " (" + e.getMessage() + ")",
                            chunk * (paddedBytes + frameBytes), budget);
                }
                throw e;
            }
        }
        return new ImageStack(input.frames(), h, w, out);
    }

    /** 16 x 8 groups suit GPUs; a device that allows fewer work items per group picks its own ({@code null}). */
    static long[] groupSize(cl_kernel kernel, OpenClDevice dev) {
        long[] size = new long[1];
        clGetKernelWorkGroupInfo(kernel, dev.id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null);
        return size[0] >= LOCAL[0] * LOCAL[1] ? LOCAL : null;
    }

    /** The NDRange for {@code n} frames of {@code w x h}, rounded up to whole groups. */
    static long[] globalSize(long[] local, int w, int h, int n) {
        if (local == null) {
            return new long[] {w, h, n};
        }
        return new long[] {(w + local[0] - 1) / local[0] * local[0], (h + local[1] - 1) / local[1] * local[1], n};
    }
}
