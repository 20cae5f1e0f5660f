package org.flowscope.methods.esrrf3d;

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
import jcuda.driver.CUfunction;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Finish;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Magnify;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Prepare;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Rgc;
import org.flowscope.methods.esrrf3d.Esrrf3dKernels.Tables;
import org.flowscope.methods.gpu.CudaKernelArgs;

/**
 * eSRRF 3-D fused on an NVIDIA GPU from the committed PTX of {@code esrrf3d.cu}, the CUDA twin of
 * {@link Esrrf3dOpenCl}: the same device functions ({@code esrrf3d_device.h}), the same chunking from free device memory
 * ({@link Esrrf3dChunks}), one thread per voxel in blocks of 16 x 8.
 */
public final class Esrrf3dCuda implements Implementation<Esrrf3dParams, VolumeStack, VolumeStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf3d.cuda", Esrrf3d.class, Backend.CUDA,
            Precision.MIXED, "eSRRF 3-D fused on an NVIDIA GPU (PTX; gradients, magnification, RGC and temporal sums on "
                    + "the device)");
    static final String PTX = "esrrf3d.ptx";
    private static final int BX = 16;
    private static final int BY = 8;

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public VolumeStack run(Esrrf3dParams p, VolumeStack in, ExecutionContext context) {
        CudaDevice dev = context.device(CudaDevice.class);
        new Esrrf3d().validate(p, in);
        Esrrf3dPlan plan = new Esrrf3dPlan(p, in.slices(), in.height(), in.width());
        int frames = in.timePoints();
        int block = p.blockLength(frames);
        int timePoints = p.timePoints(frames);
        int v = plan.voxels();
        float[] out = new float[timePoints * v];
        List<CUdeviceptr> owned = new ArrayList<>();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            long[] free = new long[1];
            long[] total = new long[1];
            cuMemGetInfo(free, total);
            int chunk = Esrrf3dChunks.framesPerChunk(plan, block, free[0], free[0]);
            CUfunction prepare = CudaKernelArgs.function(dev, Esrrf3dCuda.class, PTX, Prepare.class);
            CUfunction magnify = CudaKernelArgs.function(dev, Esrrf3dCuda.class, PTX, Magnify.class);
            CUfunction rgc = CudaKernelArgs.function(dev, Esrrf3dCuda.class, PTX, Rgc.class);
            CUfunction finish = CudaKernelArgs.function(dev, Esrrf3dCuda.class, PTX, Finish.class);
            try {
                CUdeviceptr framesBuf = alloc(owned, 4L * chunk * plan.inputVoxels());
                CUdeviceptr vol = alloc(owned, 16L * chunk * plan.inputVoxels());
                CUdeviceptr mag = alloc(owned, 16L * chunk * v);
                CUdeviceptr mean = alloc(owned, 8L * v);
                CUdeviceptr m2 = alloc(owned, 8L * v);
                CUdeviceptr result = alloc(owned, 4L * v);
                Tables<CUdeviceptr> tables = Tables.upload(plan, uploader(owned));
                for (int b = 0; b < timePoints; b++) {
                    int from = b * block;
                    int to = Math.min(from + block, frames);
                    for (int t = from; t < to; t += chunk) {
                        int n = Math.min(chunk, to - t);
                        // synchronous: JCuda cannot copy asynchronously from a movable Java array
                        cuMemcpyHtoD(framesBuf, Pointer.to(in.data()).withByteOffset(4L * in.offset(t)),
                                4L * n * in.volumeSize());
                        launch(dev, prepare, plan.w, plan.h, plan.z * n, CudaKernelArgs.params(Prepare.of(framesBuf, vol,
                                n, plan)));
                        launch(dev, magnify, plan.wm, plan.hm, plan.zm * n, CudaKernelArgs.params(Magnify.of(vol, mag, n,
                                plan, tables)));
                        launch(dev, rgc, plan.wm, plan.hm, plan.zm, CudaKernelArgs.params(Rgc.of(mag, n, t - from, plan,
                                tables, mean, m2)));
                    }
                    cuLaunchKernel(finish, (v + 255) / 256, 1, 1, 256, 1, 1, 0, dev.stream(),
                            CudaKernelArgs.params(Finish.of(mean, m2, v, to - from, p.temporal(), result)), null);
                    cuStreamSynchronize(dev.stream());
                    cuMemcpyDtoH(Pointer.to(out).withByteOffset(4L * b * v), result, 4L * v);
                }
            } finally {
                for (CUdeviceptr d : owned) {
                    cuMemFree(d);
                }
            }
        }
        if (p.macroPixelCorrection()) {
            for (int b = 0; b < timePoints; b++) {
                MacroPixels.correct(out, b * v, plan.hm, plan.wm, plan.mxy, 0, plan.zm);
            }
        }
        return new VolumeStack(new ImageStack(timePoints * plan.zm, plan.hm, plan.wm, out), plan.zm);
    }

    private static void launch(CudaDevice dev, CUfunction f, int x, int y, int z, Pointer params) {
        cuLaunchKernel(f, (x + BX - 1) / BX, (y + BY - 1) / BY, z, BX, BY, 1, 0, dev.stream(), params, null);
    }

    private static Esrrf3dKernels.Uploader<CUdeviceptr> uploader(List<CUdeviceptr> owned) {
        return new Esrrf3dKernels.Uploader<>() {
            @Override
            public CUdeviceptr ints(int[] values) {
                return upload(owned, Pointer.to(values), 4L * values.length);
            }

            @Override
            public CUdeviceptr floats(float[] values) {
                return upload(owned, Pointer.to(values), 4L * values.length);
            }

            @Override
            public CUdeviceptr doubles(double[] values) {
                return upload(owned, Pointer.to(values), 8L * values.length);
            }
        };
    }

    private static CUdeviceptr alloc(List<CUdeviceptr> owned, long bytes) {
        CUdeviceptr d = new CUdeviceptr();
        cuMemAlloc(d, Math.max(bytes, 8));
        owned.add(d);
        return d;
    }

    private static CUdeviceptr upload(List<CUdeviceptr> owned, Pointer host, long bytes) {
        CUdeviceptr d = alloc(owned, bytes);
        cuMemcpyHtoD(d, host, bytes);
        return d;
    }
}
