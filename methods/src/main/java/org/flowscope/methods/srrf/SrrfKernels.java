package org.flowscope.methods.srrf;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument lists of the kernels of {@code srrf.cl} and {@code srrf.cu}, one record per kernel with the parameters
 * in signature order ({@code B}: the backend's buffer handle), and the one place that maps a run's parameters and
 * device buffers onto them, for both backends. {@code SrrfKernelSignatureTest} parses both sources and checks every
 * kernel against its record.
 */
final class SrrfKernels {
    /** Work-group size of the phase-mean reduction ({@code SRRF_GROUP} in the sources). */
    static final int GROUP = 256;

    private SrrfKernels() {
    }

    /** The kernel an argument record binds to. */
    static String name(Class<? extends Record> args) {
        return args.getAnnotation(GpuKernel.class).value();
    }

    /** The buffers of a run: a chunk of frames and their gradients, the ring, phase means, running state, result. */
    record Buffers<B>(B frames, B grads, B ring, B means, B acc, B recent, B shift, B result) {
    }

    /** What every kernel of a run shares: the frame shape and the parameters as the kernels take them. */
    record Shape(int h, int w, int m, int geo, int margin, float radius, int positivity, int weighting, int stat) {
        static Shape of(SrrfParams p, int h, int w) {
            return new Shape(h, w, p.magnification(), p.geometry() == Geometry.NANOPYX ? 1 : 0,
                    p.geometry().margin(p.border(), p.magnification()), p.magnifiedRingRadius(),
                    p.positivityConstraint() ? 1 : 0, p.intensityWeighting() ? 1 : 0, p.temporal().ordinal());
        }

        int pixels() {
            return h * m * w * m;
        }
    }

    @GpuKernel("srrf_gradients")
    record Gradients<B>(B frames, B grads, int h, int w, int geo) {
        static <B> Gradients<B> of(Buffers<B> b, Shape s) {
            return new Gradients<>(b.frames(), b.grads(), s.h(), s.w(), s.geo());
        }
    }

    @GpuKernel("srrf_phase_means")
    record PhaseMeans<B>(B frames, B grads, int h, int w, int m, int geo, int margin, B ring, float radius,
            int positivity, int weighting, B means) {
        static <B> PhaseMeans<B> of(Buffers<B> b, Shape s) {
            return new PhaseMeans<>(b.frames(), b.grads(), s.h(), s.w(), s.m(), s.geo(), s.margin(), b.ring(),
                    s.radius(), s.positivity(), s.weighting(), b.means());
        }
    }

    @GpuKernel("srrf_accumulate")
    record Accumulate<B>(B frames, B grads, int frameCount, int firstFrame, int h, int w, int m, int geo, int margin,
            B ring, float radius, int positivity, int weighting, int divide, B means, int stat, B acc, B recent,
            B shift) {
        /** {@code frameCount} frames whose first is frame {@code firstFrame} of the time point. */
        static <B> Accumulate<B> of(Buffers<B> b, Shape s, int frameCount, int firstFrame, boolean divide) {
            return new Accumulate<>(b.frames(), b.grads(), frameCount, firstFrame, s.h(), s.w(), s.m(), s.geo(),
                    s.margin(), b.ring(), s.radius(), s.positivity(), s.weighting(), divide ? 1 : 0, b.means(), s.stat(),
                    b.acc(), b.recent(), b.shift());
        }
    }

    @GpuKernel("srrf_finish")
    record Finish<B>(B acc, int pixels, int frames, int stat, int geo, B out) {
        static <B> Finish<B> of(Buffers<B> b, Shape s, int frames) {
            return new Finish<>(b.acc(), s.pixels(), frames, s.stat(), s.geo(), b.result());
        }
    }
}
