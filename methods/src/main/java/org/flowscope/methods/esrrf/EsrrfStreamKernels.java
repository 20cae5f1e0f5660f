package org.flowscope.methods.esrrf;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument lists of the kernels of {@code esrrf_stream.cl} and {@code esrrf_stream.cu} (streaming eSRRF), one
 * record per kernel with the parameters in signature order ({@code B}: the backend's buffer handle).
 * {@code EsrrfStreamKernelSignatureTest} parses both sources and checks every kernel against its record. The per-frame
 * RGC and the statistic are {@link EsrrfKernels.Rgc} and {@link EsrrfKernels.Finish} of {@code esrrf.cl/.cu}.
 */
final class EsrrfStreamKernels {
    private EsrrfStreamKernels() {
    }

    @GpuKernel("esrrf_u16_in")
    record U16In<B>(B raw, B frame, int n) {
    }

    @GpuKernel("esrrf_u8_in")
    record U8In<B>(B raw, B frame, int n) {
    }

    @GpuKernel("esrrf_lattice_shifted")
    record LatticeShifted<B>(B frame, B lattice, int h, int w, int m, int geo, float sx, float sy) {
        static <B> LatticeShifted<B> of(B frame, B lattice, EsrrfPlan p, float sx, float sy) {
            return new LatticeShifted<>(frame, lattice, p.h, p.w, p.m, p.geo == Geometry.NANOPYX ? 1 : 0, sx, sy);
        }
    }

    @GpuKernel("esrrf_taps_shifted")
    record TapsShifted<B>(B tapY, B wY, B tapX, B wX, int h, int w, int m, int geo, float sx, float sy) {
        static <B> TapsShifted<B> of(EsrrfKernels.Tables<B> t, EsrrfPlan p, float sx, float sy) {
            return new TapsShifted<>(t.tapY(), t.wY(), t.tapX(), t.wX(), p.h, p.w, p.m,
                    p.geo == Geometry.NANOPYX ? 1 : 0, sx, sy);
        }
    }

    @GpuKernel("esrrf_join")
    record Join<B>(B sum, B second, B first, B last, B sum2, B second2, B first2, B last2, int n, int stat) {
        /** {@code into} followed by {@code next}, into {@code into}. */
        static <B> Join<B> of(EsrrfKernels.Sums<B> into, EsrrfKernels.Sums<B> next, int pixels, TemporalCorrelation stat) {
            return new Join<>(into.sum(), into.second(), into.first(), into.last(), next.sum(), next.second(),
                    next.first(), next.last(), pixels, stat.ordinal());
        }
    }

    @GpuKernel("esrrf_phase_columns")
    record PhaseColumns<B>(B img, int hm, int wm, int m, B partial) {
    }

    @GpuKernel("esrrf_phase_means")
    record PhaseMeans<B>(B partial, int hm, int wm, int m, B means) {
    }

    @GpuKernel("esrrf_phase_divide")
    record PhaseDivide<B>(B img, int hm, int wm, int m, B means) {
    }
}
