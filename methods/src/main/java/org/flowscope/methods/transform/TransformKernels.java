package org.flowscope.methods.transform;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.gpu.GpuKernel;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;

/**
 * The argument list of the {@code transform} kernel of {@code transform.cl} and {@code transform.cu} ({@code B}: the
 * backend's buffer handle), the codes of {@code transform_device.h}, and the one place that maps a call onto them for
 * both backends. {@code TransformKernelSignatureTest} parses both sources and checks the kernel against its record.
 */
final class TransformKernels {
    private TransformKernels() {
    }

    @GpuKernel("transform")
    record Warp<B>(B in, B out, B au, B cu, B bv, B dv, int h, int w, float cr, float cc, int kind, int border,
            int norm) {
        static <B> Warp<B> of(B in, B out, B au, B cu, B bv, B dv, Plan p) {
            return new Warp<>(in, out, au, cu, bv, dv, p.h(), p.w(), p.map().cr(), p.map().cc(), p.kind(), p.border(),
                    p.norm());
        }
    }

    /**
     * The host side of a call: the float32 products {@code a u_j}, {@code c u_j} per output column and {@code b v_i},
     * {@code d v_i} per output row (the device only adds them, as {@link TransformParams.Mapping} does), and the
     * interpolator as codes of {@code transform_device.h}.
     */
    record Plan(int h, int w, TransformParams.Mapping map, float[] au, float[] cu, float[] bv, float[] dv, int kind,
            int border, int norm) {
        static Plan of(TransformParams p, ImageStack in) {
            new Transform().validate(p, in);
            int h = in.height();
            int w = in.width();
            TransformParams.Mapping m = p.mapping(h, w);
            float[] au = new float[w];
            float[] cu = new float[w];
            for (int j = 0; j < w; j++) {
                au[j] = m.a() * m.u(j);
                cu[j] = m.c() * m.u(j);
            }
            float[] bv = new float[h];
            float[] dv = new float[h];
            for (int i = 0; i < h; i++) {
                bv[i] = m.b() * m.v(i);
                dv[i] = m.d() * m.v(i);
            }
            Interpolator ip = p.interpolator();
            return new Plan(h, w, m, au, cu, bv, dv, kernelCode(ip.kernel()), borderCode(ip), normCode(ip));
        }

        long frameBytes() {
            return 4L * h * w;
        }
    }

    static int kernelCode(Kernel k) {
        return switch (k) {
            case NEAREST -> 0;
            case LINEAR -> 1;
            case CATMULL_ROM -> 2;
            case LANCZOS3 -> 3;
            case LANCZOS4 -> 4;
            case FOURIER -> throw new IllegalArgumentException("FOURIER has no spatial kernel");
        };
    }

    static int borderCode(Interpolator ip) {
        if (ip.border() == Border.NANOPYX && ip.kernel() == Kernel.NEAREST) {
            return 2;
        }
        return ip.border() == Border.NEAREST ? 1 : 0;
    }

    /** The normalisation as the family applies it: UNIT_SUM is none for kernels whose weights sum to 1. */
    static int normCode(Interpolator ip) {
        Normalisation n = ip.normalisation();
        if (n == Normalisation.UNIT_SUM && ip.kernel().sumsToOne()) {
            return 0;
        }
        return switch (n) {
            case NONE -> 0;
            case USED_TAPS -> 1;
            case UNIT_SUM -> 2;
        };
    }
}
