package org.flowscope.methods.srrf;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.gpu.CudaKernelArgs;
import org.flowscope.methods.srrf.SrrfKernels.Accumulate;
import org.flowscope.methods.srrf.SrrfKernels.Buffers;
import org.flowscope.methods.srrf.SrrfKernels.Finish;
import org.flowscope.methods.srrf.SrrfKernels.Gradients;
import org.flowscope.methods.srrf.SrrfKernels.PhaseMeans;
import org.flowscope.methods.srrf.SrrfKernels.Shape;

/**
 * SRRF fused on an NVIDIA GPU from the committed PTX of {@code srrf.cu} (the CUDA twin of {@link SrrfOpenCl}): per
 * chunk of frames their gradients, then one thread per output pixel computes radiality, intensity weighting and the
 * temporal running sums in registers over all frames of the chunk; per-frame maps are never written. Chunk length
 * comes from free device memory before launch ({@link DeviceMemory}).
 */
public final class SrrfCuda implements Implementation<SrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("srrf.cuda", Srrf.class, Backend.CUDA,
            Precision.MIXED, "SRRF fused on an NVIDIA GPU (PTX; gradients, radiality and temporal sums on the device)");
    static final String PTX = "srrf.ptx";

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(SrrfParams p, ImageStack in, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        new Srrf().validate(p, in);
        Shape s = Shape.of(p, in.height(), in.width());
        DeviceMemory mem = new DeviceMemory(p, in.height(), in.width());
        int used = p.usedFrames(in.frames());
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        int px = s.pixels();
        int hm = in.height() * s.m();
        int wm = in.width() * s.m();
        boolean divide = p.correctsFrames();
        float[] out = new float[timePoints * px];
        List<CUdeviceptr> owned = new ArrayList<>();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            long[] free = new long[1];
            long[] total = new long[1];
            cuMemGetInfo(free, total);
            int chunk = mem.framesPerChunk(block, free[0], free[0]);
            CUstream stream = dev.stream();
            try {
                float[] ring = p.ring();
                CUdeviceptr ringBuffer = alloc(owned, 4L * ring.length);
                cuMemcpyHtoD(ringBuffer, Pointer.to(ring), 4L * ring.length);
                Buffers<CUdeviceptr> b = new Buffers<>(alloc(owned, 4L * chunk * in.frameSize()),
                        alloc(owned, 8L * chunk * in.frameSize()), ringBuffer,
                        alloc(owned, divide ? 4L * chunk * mem.phases : 4), alloc(owned, 8L * mem.slots * px),
                        alloc(owned, mem.cumulant ? 16L * px : 4), alloc(owned, mem.cumulant ? 4L * px : 4),
                        alloc(owned, 4L * px));
                for (int tp = 0; tp < timePoints; tp++) {
                    int from = tp * block;
                    int to = Math.min(from + block, used);
                    for (int c = from; c < to; c += chunk) {
                        int n = Math.min(chunk, to - c);
                        // synchronous: JCuda cannot copy asynchronously from a movable Java array
                        cuMemcpyHtoD(b.frames(), Pointer.to(in.data()).withByteOffset(4L * in.offset(c)),
                                4L * n * in.frameSize());
                        cuLaunchKernel(CudaKernelArgs.function(dev, SrrfCuda.class, PTX, Gradients.class),
                                blocks(s.w(), 16), blocks(s.h(), 16), n, 16, 16, 1, 0, stream,
                                CudaKernelArgs.params(Gradients.of(b, s)), null);
                        if (divide) {
                            cuLaunchKernel(CudaKernelArgs.function(dev, SrrfCuda.class, PTX, PhaseMeans.class),
                                    mem.phases, n, 1, SrrfKernels.GROUP, 1, 1, 0, stream,
                                    CudaKernelArgs.params(PhaseMeans.of(b, s)), null);
                        }
                        cuLaunchKernel(CudaKernelArgs.function(dev, SrrfCuda.class, PTX, Accumulate.class),
                                blocks(wm, 32), blocks(hm, 8), 1, 32, 8, 1, 0, stream,
                                CudaKernelArgs.params(Accumulate.of(b, s, n, c - from, divide)), null);
                    }
                    cuLaunchKernel(CudaKernelArgs.function(dev, SrrfCuda.class, PTX, Finish.class), blocks(px, 256), 1, 1,
                            256, 1, 1, 0, stream, CudaKernelArgs.params(Finish.of(b, s, to - from)), null);
                    cuStreamSynchronize(stream);
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(4L * tp * px), b.result(), 4L * px);
                }
            } finally {
                for (CUdeviceptr d : owned) {
                    cuMemFree(d);
                }
            }
        }
        if (p.macroPixelCorrection() && !divide) {
            for (int tp = 0; tp < timePoints; tp++) {
                MacroPixelCorrection.applyInPlace(out, tp * px, hm, wm, s.m());
            }
        }
        return new ImageStack(timePoints, hm, wm, out);
    }

    static int blocks(long n, int per) {
        return (int) ((n + per - 1) / per);
    }

    private static CUdeviceptr alloc(List<CUdeviceptr> owned, long bytes) {
        CUdeviceptr d = new CUdeviceptr();
        cuMemAlloc(d, Math.max(bytes, 4));
        owned.add(d);
        return d;
    }
}
