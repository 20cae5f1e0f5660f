package org.flowscope.methods.conv2d;

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
 * {@link Conv2d} as a CUDA kernel loaded from the committed PTX ({@code conv2d.cu} compiled with
 * {@code nvcc -ptx -arch=compute_80}), one thread per output pixel, any kernel shape. Frames are sent in chunks
 * sized before launch from the device's memory; buffers come from the device's pool.
 */
public final class Conv2dCuda implements Implementation<Conv2dParams, ImageStack, ImageStack> {
    public static final String ID = "conv2d.cuda";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Conv2d.class, Backend.CUDA, Precision.FP32, "CUDA kernel (PTX), one thread per pixel");
    private static final int BX = 32;
    private static final int BY = 8;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(Conv2dParams params, ImageStack input, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        int h = input.height();
        int w = input.width();
        long frameBytes = (long) input.frameSize() * Sizeof.FLOAT;
        float[] in = input.data();
        float[] out = new float[in.length];
        float[] weights = params.weights();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CUfunction fn = CudaKernelArgs.function(dev, Conv2dCuda.class, "conv2d.ptx", Conv2dKernel.class);
            // a quarter of the device's memory per buffer at most: the same chunk size call after call, so the
            // pooled buffers are reused, and room for other work
            long budget = dev.totalMemBytes() / 4;
            int chunk = (int) Math.min(input.frames(), budget / frameBytes);
            if (chunk < 1) {
                throw new DeviceMemoryException("conv2d.cuda frame of " + h + "x" + w, frameBytes, budget);
            }
            try (CudaBuffer dw = dev.buffer((long) weights.length * Sizeof.FLOAT);
                    CudaBuffer din = dev.buffer(chunk * frameBytes);
                    CudaBuffer dout = dev.buffer(chunk * frameBytes)) {
                cuMemcpyHtoD(dw.pointer(), Pointer.to(weights), dw.bytes());
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    long bytes = n * frameBytes;
                    long offset = f0 * frameBytes;
                    cuMemcpyHtoD(din.pointer(), Pointer.to(in).withByteOffset(offset), bytes);
                    Pointer args = CudaKernelArgs.params(Conv2dKernel.of(din.pointer(), dout.pointer(), dw.pointer(), h, w, params));
                    cuLaunchKernel(fn, (w + BX - 1) / BX, (h + BY - 1) / BY, n, BX, BY, 1, 0, dev.stream(), args, null);
                    cuStreamSynchronize(dev.stream());
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(offset), dout.pointer(), bytes);
                }
            }
        }
        return new ImageStack(input.frames(), h, w, out);
    }
}
