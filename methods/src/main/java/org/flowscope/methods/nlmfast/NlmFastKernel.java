package org.flowscope.methods.nlmfast;

import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument list of the {@code nlm_fast} kernel of {@code nlm_fast.cl} and {@code nlm_fast.cu} in signature order
 * ({@code B}: the backend's buffer handle); {@code NlmFastKernelSignatureTest} checks it against both sources.
 *
 * @param padded the chunk's frames, each padded by {@code s div 2 + d}
 * @param out    the chunk's output frames
 * @param h      rows of a frame
 * @param w      columns of a frame
 * @param s      patch size
 * @param d      patch distance
 * @param var    {@code 2 sigma²}
 * @param h2s2   {@code s² h²}
 * @param cutoff the largest box sum that is kept ({@link NlmFastParams#cutoff()})
 */
@GpuKernel("nlm_fast")
record NlmFastKernel<B>(B padded, B out, int h, int w, int s, int d, float var, float h2s2, float cutoff) {
    static <B> NlmFastKernel<B> of(B padded, B out, int h, int w, NlmFastParams p) {
        return new NlmFastKernel<>(padded, out, h, w, p.patchSize(), p.patchDistance(), p.twoVariance(), p.h2s2(),
                p.cutoff());
    }
}
