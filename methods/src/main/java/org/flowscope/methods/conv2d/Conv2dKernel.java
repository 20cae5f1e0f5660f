package org.flowscope.methods.conv2d;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument list of the {@code conv2d} kernel of {@code conv2d.cl} and {@code conv2d.cu} in signature order
 * ({@code B}: the backend's buffer handle); {@code Conv2dKernelSignatureTest} checks it against both sources.
 */
@GpuKernel("conv2d")
record Conv2dKernel<B>(B in, B out, B weights, int h, int w, int kh, int kw) {
    static <B> Conv2dKernel<B> of(B in, B out, B weights, int h, int w, Conv2dParams p) {
        return new Conv2dKernel<>(in, out, weights, h, w, p.kh(), p.kw());
    }
}
