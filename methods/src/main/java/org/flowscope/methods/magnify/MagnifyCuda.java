package org.flowscope.methods.magnify;

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

/**
 * {@link Magnify} as a CUDA kernel loaded from the committed PTX ({@code magnify.cu} compiled with
 * {@code nvcc -ptx -arch=compute_80}), one thread per output pixel summing the host-computed taps
 * ({@link AxisTaps}). Frames go in chunks sized before launch from the device's memory; buffers come from the
 * device's pool.
 */
public final class MagnifyCuda implements Implementation<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify.cuda";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Magnify.class, Backend.CUDA, Precision.FP32, "CUDA kernel (PTX), one thread per output pixel");
    private static final int BX = 32;
    private static final int BY = 8;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyParams params, ImageStack input, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        MagnifyKernels.Plan plan = MagnifyKernels.Plan.of(params, input);
        // a quarter of the device's memory for the chunks: the same chunk size call after call, so the pooled
        // buffers are reused, and room for other work
        long budget = dev.totalMemBytes() / 4;
        int chunk = plan.chunk(input.frames(), budget, budget);
        if (chunk < 1) {
            throw new DeviceMemoryException(ID + " frame of " + plan.h() + "x" + plan.w() + " -> " + plan.hm() + "x"
                    + plan.wm(), plan.inFrameBytes() + plan.outFrameBytes(), budget);
        }
        float[] in = input.data();
        float[] out = new float[input.frames() * plan.hm() * plan.wm()];
        AxisTaps rows = plan.rows();
        AxisTaps cols = plan.cols();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CUfunction fn = CudaKernelArgs.function(dev, MagnifyCuda.class, "magnify.ptx", MagnifyKernels.Sample.class);
            try (CudaBuffer tapY = dev.buffer((long) rows.index().length * Sizeof.INT);
                    CudaBuffer wY = dev.buffer((long) rows.weight().length * Sizeof.FLOAT);
                    CudaBuffer tapX = dev.buffer((long) cols.index().length * Sizeof.INT);
                    CudaBuffer wX = dev.buffer((long) cols.weight().length * Sizeof.FLOAT);
                    CudaBuffer din = dev.buffer(chunk * plan.inFrameBytes());
                    CudaBuffer dout = dev.buffer(chunk * plan.outFrameBytes())) {
                cuMemcpyHtoD(tapY.pointer(), Pointer.to(rows.index()), tapY.bytes());
                cuMemcpyHtoD(wY.pointer(), Pointer.to(rows.weight()), wY.bytes());
                cuMemcpyHtoD(tapX.pointer(), Pointer.to(cols.index()), tapX.bytes());
                cuMemcpyHtoD(wX.pointer(), Pointer.to(cols.weight()), wX.bytes());
                MagnifyKernels.Tables<CUdeviceptr> t = new MagnifyKernels.Tables<>(tapY.pointer(), wY.pointer(),
                        tapX.pointer(), wX.pointer(), rows.taps());
                Pointer args = CudaKernelArgs.params(MagnifyKernels.Sample.of(din.pointer(), dout.pointer(), t, plan.h(),
                        plan.w(), plan.hm(), plan.wm()));
                for (int f0 = 0; f0 < input.frames(); f0 += chunk) {
                    int n = Math.min(chunk, input.frames() - f0);
                    cuMemcpyHtoD(din.pointer(), Pointer.to(in).withByteOffset(f0 * plan.inFrameBytes()), n * plan.inFrameBytes());
                    cuLaunchKernel(fn, (plan.wm() + BX - 1) / BX, (plan.hm() + BY - 1) / BY, n, BX, BY, 1, 0, dev.stream(),
                            args, null);
                    cuStreamSynchronize(dev.stream());
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(f0 * plan.outFrameBytes()), dout.pointer(),
                            n * plan.outFrameBytes());
                }
            }
        }
        return new ImageStack(input.frames(), plan.hm(), plan.wm(), out);
    }
}
