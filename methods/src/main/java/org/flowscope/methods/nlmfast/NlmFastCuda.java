package org.flowscope.methods.nlmfast;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
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
import org.flowscope.methods.nlm.MirrorPad;

/**
 * {@link NlmFast} as a CUDA kernel loaded from the committed PTX ({@code nlm_fast.cu} compiled with
 * {@code nvcc -ptx -arch=compute_80}), one thread per output pixel walking its whole window and summing each
 * candidate's box directly. Frames are padded on the host and sent in chunks sized before launch from the device's
 * memory; buffers come from the device's pool. The box sums use the {@code _rn} intrinsics, never fused (see
 * {@code nlm_fast_device.h}).
 */
public final class NlmFastCuda implements Implementation<NlmFastParams, ImageStack, ImageStack> {
    public static final String ID = "nlm-fast.cuda";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, NlmFast.class, Backend.CUDA, Precision.FP32, "CUDA kernel (PTX), one thread per pixel");
    private static final int BX = 16;
    private static final int BY = 8;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmFastParams params, ImageStack input, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        int h = input.height();
        int w = input.width();
        int o = params.padding();
        long paddedBytes = (long) (h + 2 * o) * (w + 2 * o) * Sizeof.FLOAT;
        long frameBytes = (long) input.frameSize() * Sizeof.FLOAT;
        // a quarter of the device's memory at most: the same chunk call after call, so the pooled buffers are reused
        long budget = dev.totalMemBytes() / 4;
        if (budget < (paddedBytes + frameBytes)) {
            throw new DeviceMemoryException(ID + " frame of " + w + "x" + h + " padded by " + o, paddedBytes + frameBytes, budget);
        }
        // the padded chunk is staged in one host array: at most MirrorPad.MAX_CHUNK_FLOATS of it
        long staged = Math.max(1, MirrorPad.MAX_CHUNK_FLOATS / (paddedBytes / 4));
        int chunk = (int) Math.min(Math.min(input.frames(), budget / (paddedBytes + frameBytes)), staged);
        float[] out = new float[input.data().length];
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CUfunction fn = CudaKernelArgs.function(dev, NlmFastCuda.class, "nlm_fast.ptx", NlmFastKernel.class);
            try (CudaBuffer din = dev.buffer(chunk * paddedBytes);
                    CudaBuffer dout = dev.buffer(chunk * frameBytes)) {
                Pointer args = CudaKernelArgs.params(NlmFastKernel.<CUdeviceptr>of(din.pointer(), dout.pointer(), h, w, params));
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    float[] padded = MirrorPad.frames(input, f0, n, o);
                    cuMemcpyHtoD(din.pointer(), Pointer.to(padded), n * paddedBytes);
                    cuLaunchKernel(fn, (w + BX - 1) / BX, (h + BY - 1) / BY, n, BX, BY, 1, 0, dev.stream(), args, null);
                    cuStreamSynchronize(dev.stream());
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(f0 * frameBytes), dout.pointer(), n * frameBytes);
                }
            }
        }
        return new ImageStack(input.frames(), h, w, out);
    }
}
