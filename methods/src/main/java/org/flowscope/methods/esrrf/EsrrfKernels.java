package org.flowscope.methods.esrrf;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument lists of the kernels of {@code esrrf.cl} and {@code esrrf.cu}, one record per kernel with the
 * parameters in signature order ({@code B}: the backend's buffer handle), and the one place that maps a plan, its
 * device tables and the running sums onto them, for both backends. {@code EsrrfKernelSignatureTest} parses both
 * sources and checks every kernel against its record.
 */
final class EsrrfKernels {
    private EsrrfKernels() {
    }

    /** Copies host arrays into device buffers of the backend. */
    interface Uploader<B> {
        B ints(int[] values);

        B floats(float[] values);

        B bytes(byte[] values);
    }

    /** {@link DeviceTables} on the device. */
    record Tables<B>(B baseY, B baseX, B insideY, B insideX, B start, B djdi, B samples, B wsum, B tapY, B wY, B tapX,
            B wX) {
        static <B> Tables<B> upload(DeviceTables t, Uploader<B> u) {
            EsrrfPlan p = t.plan;
            return new Tables<>(u.ints(t.baseY), u.ints(t.baseX), u.bytes(t.insideY), u.bytes(t.insideX),
                    u.ints(t.start), u.ints(t.djdi), u.floats(t.samples), u.floats(t.wsum), u.ints(p.tapY),
                    u.floats(p.wY), u.ints(p.tapX), u.floats(p.wX));
        }

        /** The same tables with other magnification taps (same lengths), e.g. those of a shifted frame. */
        Tables<B> withTaps(B otherTapY, B otherWY, B otherTapX, B otherWX) {
            return new Tables<>(baseY, baseX, insideY, insideX, start, djdi, samples, wsum, otherTapY, otherWY, otherTapX,
                    otherWX);
        }

        /** The same tables with another sample table (same length), e.g. offsets re-expressed for a tile. */
        Tables<B> withSamples(B other) {
            return new Tables<>(baseY, baseX, insideY, insideX, start, djdi, other, wsum, tapY, wY, tapX, wX);
        }
    }

    /** The device-resident running sums of a time point (see {@code esrrf_sums} in esrrf_device.h). */
    record Sums<B>(B sum, B second, B first, B last) {
    }

    @GpuKernel("esrrf_lattice")
    record Lattice<B>(B frames, B lattice, int h, int w, int m, int geo) {
        static <B> Lattice<B> of(B frames, B lattice, EsrrfPlan p) {
            return new Lattice<>(frames, lattice, p.h, p.w, p.m, p.geo == Geometry.NANOPYX ? 1 : 0);
        }
    }

    @GpuKernel("esrrf_rgc")
    record Rgc<B>(B frames, B lattice, int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin,
            int kyMax, int kxMax, B baseY, B baseX, B insideY, B insideX, B start, B djdi, B samples, B wsum, B tapY,
            B wY, B tapX, B wX, float sensitivity, int weighting, int stat, B sum, B second, B first, B last) {
        /** RGC of {@code frameCount} frames whose first is frame {@code firstFrame} of the time point. */
        static <B> Rgc<B> of(B frames, B lattice, int frameCount, int firstFrame, EsrrfPlan p, TemporalCorrelation stat,
                Tables<B> t, Sums<B> s) {
            return new Rgc<>(frames, lattice, frameCount, firstFrame, p.h, p.w, p.m, p.margin, p.kMin, p.kyMax, p.kxMax,
                    t.baseY(), t.baseX(), t.insideY(), t.insideX(), t.start(), t.djdi(), t.samples(), t.wsum(), t.tapY(),
                    t.wY(), t.tapX(), t.wX(), p.sensitivity, p.weighting ? 1 : 0, stat.ordinal(), s.sum(), s.second(),
                    s.first(), s.last());
        }
    }

    @GpuKernel("esrrf_finish")
    record Finish<B>(B sum, B second, B first, B last, int n, int frames, int stat, B out) {
        static <B> Finish<B> of(Sums<B> s, int pixels, int frames, TemporalCorrelation stat, B out) {
            return new Finish<>(s.sum(), s.second(), s.first(), s.last(), pixels, frames, stat.ordinal(), out);
        }
    }
}
