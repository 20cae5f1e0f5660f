package org.flowscope.methods.nlm;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument list of the {@code nlm} kernel of {@code nlm.cl} and {@code nlm.cu} in signature order ({@code B}: the
 * backend's buffer handle); {@code NlmKernelSignatureTest} checks it against both sources.
 *
 * @param padded  the chunk's frames, each padded by {@code s div 2}
 * @param out     the chunk's output frames
 * @param weights the {@code s²} patch weights
 * @param h       rows of a frame
 * @param w       columns of a frame
 * @param s       patch size
 * @param d       patch distance
 * @param var     {@code 2 sigma²}
 */
@GpuKernel("nlm")
record NlmKernel<B>(B padded, B out, B weights, int h, int w, int s, int d, float var) {
    static <B> NlmKernel<B> of(B padded, B out, B weights, int h, int w, NlmParams p) {
        return new NlmKernel<>(padded, out, weights, h, w, p.patchSize(), p.patchDistance(), p.twoVariance());
    }
}
