package org.flowscope.methods.esrrf;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import jcuda.driver.CUdeviceptr;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.methods.esrrf.EsrrfKernels.Rgc;
import org.flowscope.methods.gpu.CudaKernelArgs;
import org.flowscope.methods.gpu.GpuKernel;

/**
 * The experimental CUDA RGC kernels of {@code esrrf_experimental.cu}, run in the product's host loop
 * ({@link EsrrfCuda} with another {@link EsrrfCuda.RgcLaunch}). Neither was faster than the product's kernel on the
 * H100; they stay here to be re-measured on other GPUs by {@code flowscope-bench esrrf-proof --cuda-kernels}.
 *
 * <p>This class lives in the methods' package (a split package, benchmarks only) because it plugs into
 * package-private plan tables that are not API.
 */
public final class ExperimentalRgc {
    static final String PTX = "esrrf_experimental.ptx";
    /** Shared memory a tile may use: the default per-block limit without opting in to more. */
    private static final int MAX_TILE_BYTES = 48 * 1024;

    /** Which RGC kernel. */
    public enum Kernel {
        /** The product's kernel: a warp shares one sub-pixel phase (uniform table loads, lattice reads two apart). */
        PLAIN,
        /** A warp covers 32 neighbouring output pixels (overlapping lattice windows, fewer cache lines per load). */
        PIXEL,
        /** As PLAIN with each frame's lattice window of the block staged in shared memory. */
        TILED
    }

    private ExperimentalRgc() {
    }

    /** eSRRF on a CUDA device with the given RGC kernel, adding phase times to {@code timings} when not null. */
    public static EsrrfCuda implementation(Kernel kernel, DeviceTimings timings) {
        return new EsrrfCuda(timings, switch (kernel) {
            case PLAIN -> EsrrfCuda.PLAIN;
            case PIXEL -> BY_PIXEL;
            case TILED -> TILED;
        });
    }

    @GpuKernel("esrrf_rgc_by_pixel")
    record ByPixel<B>(B frames, B lattice, int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin,
            int kyMax, int kxMax, B baseY, B baseX, B insideY, B insideX, B start, B djdi, B samples, B wsum, B tapY,
            B wY, B tapX, B wX, float sensitivity, int weighting, int stat, B sum, B second, B first, B last) {
        static <B> ByPixel<B> of(Rgc<B> a) {
            return new ByPixel<>(a.frames(), a.lattice(), a.frameCount(), a.firstFrame(), a.h(), a.w(), a.m(),
                    a.margin(), a.kMin(), a.kyMax(), a.kxMax(), a.baseY(), a.baseX(), a.insideY(), a.insideX(),
                    a.start(), a.djdi(), a.samples(), a.wsum(), a.tapY(), a.wY(), a.tapX(), a.wX(), a.sensitivity(),
                    a.weighting(), a.stat(), a.sum(), a.second(), a.first(), a.last());
        }
    }

    @GpuKernel("esrrf_rgc_tiled")
    record Tiled<B>(B frames, B lattice, int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin,
            int kyMax, int kxMax, B baseY, B baseX, B insideY, B insideX, B start, B djdi, B samples, B wsum, B tapY,
            B wY, B tapX, B wX, float sensitivity, int weighting, int stat, B sum, B second, B first, B last,
            int tileRows, int tileCols) {
        static <B> Tiled<B> of(Rgc<B> a, int tileRows, int tileCols) {
            return new Tiled<>(a.frames(), a.lattice(), a.frameCount(), a.firstFrame(), a.h(), a.w(), a.m(),
                    a.margin(), a.kMin(), a.kyMax(), a.kxMax(), a.baseY(), a.baseX(), a.insideY(), a.insideX(),
                    a.start(), a.djdi(), a.samples(), a.wsum(), a.tapY(), a.wY(), a.tapX(), a.wX(), a.sensitivity(),
                    a.weighting(), a.stat(), a.sum(), a.second(), a.first(), a.last(), tileRows, tileCols);
        }
    }

    /** Thread (j, i) computes output pixel (i, j). */
    private static final EsrrfCuda.RgcLaunch BY_PIXEL = (dev, a, plan) -> cuLaunchKernel(
            CudaKernelArgs.function(dev, ExperimentalRgc.class, PTX, ByPixel.class),
            EsrrfCuda.blocks(plan.wm, EsrrfCuda.BLOCK_X), EsrrfCuda.blocks(plan.hm, EsrrfCuda.BLOCK_Y), 1,
            EsrrfCuda.BLOCK_X, EsrrfCuda.BLOCK_Y, 1, 0, dev.stream(), CudaKernelArgs.params(ByPixel.of(a)), null);

    /** The plain kernel's grid with a shared-memory tile; the plain kernel when the tile does not fit. */
    private static final EsrrfCuda.RgcLaunch TILED = new EsrrfCuda.RgcLaunch() {
        @Override
        public float[] samples(DeviceTables t) {
            int[] shape = tileShape(t.plan);
            return shape == null ? t.samples : tiledSamples(t, shape[1]);
        }

        @Override
        public void launch(CudaDevice dev, Rgc<CUdeviceptr> a, EsrrfPlan plan) {
            int[] shape = tileShape(plan);
            if (shape == null) {
                EsrrfCuda.PLAIN.launch(dev, a, plan);
                return;
            }
            cuLaunchKernel(CudaKernelArgs.function(dev, ExperimentalRgc.class, PTX, Tiled.class),
                    EsrrfCuda.blocks(plan.w, EsrrfCuda.BLOCK_X), EsrrfCuda.blocks(plan.hm, EsrrfCuda.BLOCK_Y), plan.m,
                    EsrrfCuda.BLOCK_X, EsrrfCuda.BLOCK_Y, 1, 8 * shape[0] * shape[1], dev.stream(),
                    CudaKernelArgs.params(Tiled.of(a, shape[0], shape[1])), null);
        }
    };

    /** Rows and columns of the largest lattice window of a thread block, or null when it does not fit shared memory. */
    static int[] tileShape(EsrrfPlan p) {
        int spanY = 0;
        int spanX = 0;
        for (int s = 0; s < p.m; s++) {
            spanY = Math.max(spanY, p.spanY[s]);
            spanX = Math.max(spanX, p.spanX[s]);
        }
        int rows = 0;
        for (int i0 = 0; i0 < p.hm; i0 += EsrrfCuda.BLOCK_Y) {
            rows = Math.max(rows, p.baseY[Math.min(i0 + EsrrfCuda.BLOCK_Y - 1, p.hm - 1)] - p.baseY[i0] + spanY + 1);
        }
        int cols = 2 * (EsrrfCuda.BLOCK_X - 1) + spanX + 1;
        return 8L * rows * cols <= MAX_TILE_BYTES ? new int[] {rows, cols} : null;
    }

    /** The sample table with each lattice offset re-expressed for a tile row length of {@code tileCols}. */
    static float[] tiledSamples(DeviceTables t, int tileCols) {
        float[] s = t.samples.clone();
        for (int k = 0; k < s.length / 4; k++) {
            int packed = t.djdi[k];
            s[4 * k + 3] = Float.intBitsToFloat((packed >> 16) * tileCols + (packed & 0xffff));
        }
        return s;
    }
}
