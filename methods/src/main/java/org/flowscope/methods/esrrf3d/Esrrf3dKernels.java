package org.flowscope.methods.esrrf3d;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument lists of the kernels of {@code esrrf3d.cl} and {@code esrrf3d.cu}, one record per kernel with the
 * parameters in signature order ({@code B}: the backend's buffer handle), and the one place that maps a plan and its
 * device tables onto them, for both backends. {@code Esrrf3dKernelSignatureTest} parses both sources and checks every
 * kernel against its record.
 */
final class Esrrf3dKernels {
    private Esrrf3dKernels() {
    }

    /** Copies host arrays into device buffers of the backend. */
    interface Uploader<B> {
        B ints(int[] values);

        B floats(float[] values);

        B doubles(double[] values);
    }

    /** The plan's tables on the device (see {@link Esrrf3dPlan}). */
    record Tables<B>(B tapY, B wY, B tapX, B wX, B tapZ, B wZ, B idxY, B dY, B idxX, B dX, B idxZ, B dZ, B gaussZ) {
        static <B> Tables<B> upload(Esrrf3dPlan p, Uploader<B> u) {
            return new Tables<>(u.ints(p.tapsY.index()), u.doubles(p.tapsY.weight()), u.ints(p.tapsX.index()),
                    u.doubles(p.tapsX.weight()), u.ints(p.tapsZ.index()), u.doubles(p.tapsZ.weight()),
                    u.ints(p.slotsY.index()), u.floats(p.slotsY.delta()), u.ints(p.slotsX.index()),
                    u.floats(p.slotsX.delta()), u.ints(p.slotsZ.index()), u.floats(p.slotsZ.delta()), u.floats(p.gaussZ));
        }
    }

    @GpuKernel("esrrf3d_prepare")
    record Prepare<B>(B frames, B vol, int frameCount, int z, int h, int w, int geo) {
        static <B> Prepare<B> of(B frames, B vol, int frameCount, Esrrf3dPlan p) {
            return new Prepare<>(frames, vol, frameCount, p.z, p.h, p.w, p.geo.ordinal());
        }
    }

    @GpuKernel("esrrf3d_magnify")
    record Magnify<B>(B vol, B mag, int frameCount, int z, int h, int w, int zm, int hm, int wm, B tapY, B wY, B tapX,
            B wX, B tapZ, B wZ) {
        static <B> Magnify<B> of(B vol, B mag, int frameCount, Esrrf3dPlan p, Tables<B> t) {
            return new Magnify<>(vol, mag, frameCount, p.z, p.h, p.w, p.zm, p.hm, p.wm, t.tapY(), t.wY(), t.tapX(), t.wX(),
                    t.tapZ(), t.wZ());
        }
    }

    @GpuKernel("esrrf3d_rgc")
    record Rgc<B>(B mag, int frameCount, int firstFrame, int zm, int hm, int wm, int geo, int marginXy, int marginZ,
            int ny, B idxY, B dY, int nx, B idxX, B dX, int nz, B idxZ, B dZ, B gaussZ, float tSS, float tSO, float tSOz,
            float sensitivity, int weighting, B mean, B m2) {
        /** RGC of {@code frameCount} frames whose first is frame {@code firstFrame} (0-based) of the time point. */
        static <B> Rgc<B> of(B mag, int frameCount, int firstFrame, Esrrf3dPlan p, Tables<B> t, B mean, B m2) {
            return new Rgc<>(mag, frameCount, firstFrame, p.zm, p.hm, p.wm, p.geo.ordinal(), p.marginXy, p.marginZ,
                    p.slotsY.count(), t.idxY(), t.dY(), p.slotsX.count(), t.idxX(), t.dX(), p.slotsZ.count(), t.idxZ(),
                    t.dZ(), t.gaussZ(), p.tSS, p.tSO, p.tSOz, p.sensitivity, p.weighting ? 1 : 0, mean, m2);
        }
    }

    @GpuKernel("esrrf3d_finish")
    record Finish<B>(B mean, B m2, int n, int frames, int temporal, B out) {
        static <B> Finish<B> of(B mean, B m2, int voxels, int frames, TemporalMode mode, B out) {
            return new Finish<>(mean, m2, voxels, frames, mode.ordinal(), out);
        }
    }
}
