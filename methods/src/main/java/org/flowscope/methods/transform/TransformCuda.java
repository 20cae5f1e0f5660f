package org.flowscope.methods.transform;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUfunction;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaBuffer;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.CudaKernelArgs;

/**
 * {@link Transform} as a CUDA kernel loaded from the committed PTX ({@code transform.cu} compiled with
 * {@code nvcc -ptx -arch=compute_80}), one thread per output pixel. Frames go in chunks sized before launch from the
 * device's memory; buffers come from the device's pool.
 */
public final class TransformCuda implements Implementation<TransformParams, ImageStack, ImageStack> {
    public static final String ID = "transform.cuda";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Transform.class, Backend.CUDA, Precision.FP32, "CUDA kernel (PTX), one thread per output pixel");
    private static final int BX = 32;
    private static final int BY = 8;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(TransformParams params, ImageStack input, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        TransformKernels.Plan plan = TransformKernels.Plan.of(params, input);
        // a quarter of the device's memory for the chunks: the same chunk size call after call, so the pooled
        // buffers are reused, and room for other work
        long budget = dev.totalMemBytes() / 4;
        int chunk = (int) Math.min(Math.min(input.frames(), 65535), budget / (2 * plan.frameBytes()));
        if (chunk < 1) {
            throw new DeviceMemoryException(ID + " frame of " + plan.h() + "x" + plan.w(), 2 * plan.frameBytes(), budget);
        }
        float[] in = input.data();
        float[] out = new float[in.length];
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CUfunction fn = CudaKernelArgs.function(dev, TransformCuda.class, "transform.ptx", TransformKernels.Warp.class);
            try (CudaBuffer au = upload(dev, plan.au());
                    CudaBuffer cu = upload(dev, plan.cu());
                    CudaBuffer bv = upload(dev, plan.bv());
                    CudaBuffer dv = upload(dev, plan.dv());
                    CudaBuffer din = dev.buffer(chunk * plan.frameBytes());
                    CudaBuffer dout = dev.buffer(chunk * plan.frameBytes())) {
                Pointer args = CudaKernelArgs.params(TransformKernels.Warp.of(din.pointer(), dout.pointer(), au.pointer(),
                        cu.pointer(), bv.pointer(), dv.pointer(), plan));
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    long bytes = n * plan.frameBytes();
                    long offset = f0 * plan.frameBytes();
                    cuMemcpyHtoD(din.pointer(), Pointer.to(in).withByteOffset(offset), bytes);
                    cuLaunchKernel(fn, (plan.w() + BX - 1) / BX, (plan.h() + BY - 1) / BY, n, BX, BY, 1, 0, dev.stream(),
                            args, null);
                    cuStreamSynchronize(dev.stream());
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(offset), dout.pointer(), bytes);
                }
            }
        }
        return new ImageStack(input.frames(), plan.h(), plan.w(), out);
    }

    private static CudaBuffer upload(CudaDevice dev, float[] values) {
        CudaBuffer b = dev.buffer((long) values.length * Sizeof.FLOAT);
        try {
            cuMemcpyHtoD(b.pointer(), Pointer.to(values), b.bytes());
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }
}
