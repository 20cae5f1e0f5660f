package org.flowscope.methods.magnify;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument list of the {@code magnify} kernel of {@code magnify.cl} and {@code magnify.cu} ({@code B}: the
 * backend's buffer handle), and the one place that maps a call's tap tables onto it for both backends.
 * {@code MagnifyKernelSignatureTest} parses both sources and checks the kernel against its record.
 */
final class MagnifyKernels {
    private MagnifyKernels() {
    }

    /** The row and column {@link AxisTaps} of a call, in device buffers. */
    record Tables<B>(B tapY, B wY, B tapX, B wX, int taps) {
    }

    @GpuKernel("magnify")
    record Sample<B>(B in, B out, B tapY, B wY, B tapX, B wX, int h, int w, int hm, int wm, int taps) {
        static <B> Sample<B> of(B in, B out, Tables<B> t, int h, int w, int hm, int wm) {
            return new Sample<>(in, out, t.tapY(), t.wY(), t.tapX(), t.wX(), h, w, hm, wm, t.taps());
        }
    }

    /** The host-side plan of a call: output size and both axes' taps. */
    record Plan(int h, int w, int hm, int wm, AxisTaps rows, AxisTaps cols) {
        static Plan of(MagnifyParams p, org.flowscope.core.image.ImageStack in) {
            new Magnify().validate(p, in);
            int hm = Magnify.outputRows(p, in);
            int wm = Magnify.outputCols(p, in);
            return new Plan(in.height(), in.width(), hm, wm,
                    AxisTaps.of(p.interpolator(), MagnifyCpu.rowPositions(p, hm), in.height()),
                    AxisTaps.of(p.interpolator(), MagnifyCpu.colPositions(p, wm), in.width()));
        }

        long inFrameBytes() {
            return 4L * h * w;
        }

        long outFrameBytes() {
            return 4L * hm * wm;
        }

        /**
         * Frames per device chunk: input and output chunks within {@code budget} together, each buffer within
         * {@code maxAlloc}, at most the stack and at most 65535 (CUDA's grid z); 0 when one frame does not fit.
         */
        int chunk(int frames, long budget, long maxAlloc) {
            long byBudget = budget / (inFrameBytes() + outFrameBytes());
            long byAlloc = maxAlloc / Math.max(inFrameBytes(), outFrameBytes());
            return (int) Math.min(Math.min(frames, 65535), Math.min(byBudget, byAlloc));
        }
    }
}
