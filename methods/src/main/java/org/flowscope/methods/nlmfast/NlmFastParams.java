package org.flowscope.methods.nlmfast;

import org.flowscope.methods.nlm.NlmParams;

/**
 * The parameters of a {@link NlmFast} call, with the same units and rules as classic NLM's ({@link NlmParams#check}):
 * {@code patchSize} odd in [3, 127], {@code patchDistance} in [0, 512] pixels, cut-off {@code h} &gt; 0 and noise
 * standard deviation {@code sigma} &ge; 0 in grey levels of the input, both float32 like NanoPyx's.
 *
 * @param patchSize     patch side in pixels, odd (the compared box is {@code patchSize - 1} wide, see {@link NlmFast})
 * @param patchDistance search radius in pixels
 * @param h             cut-off in grey levels, &gt; 0
 * @param sigma         expected noise standard deviation in grey levels, &ge; 0
 */
public record NlmFastParams(int patchSize, int patchDistance, float h, float sigma) {
    public NlmFastParams {
        NlmParams.check(patchSize, patchDistance, h, sigma);
    }

    /** Half the patch side, {@code patchSize div 2}. */
    public int offset() {
        return patchSize / 2;
    }

    /** Padding of each frame: {@code offset + patchDistance}, enough for every candidate's box. */
    public int padding() {
        return offset() + patchDistance;
    }

    /** Twice the noise variance in float32: {@code sigma² · 2}. */
    public float twoVariance() {
        float v = sigma * sigma;
        return v * 2;
    }

    /** NanoPyx's normaliser {@code s² h²} in float32, evaluated as {@code ((float) s²) · h · h}. */
    public float h2s2() {
        return (float) (patchSize * patchSize) * h * h;
    }

    /**
     * The largest box sum {@code S} whose normalised distance {@code float(S / h2s2)} is at most 5: a candidate is
     * dropped exactly when {@code S > cutoff()}. Comparing sums instead of quotients gives every backend the same
     * decision without relying on a correctly rounded division (OpenCL's float division need not be).
     */
    public float cutoff() {
        float h2s2 = h2s2();
        float t = 5f * h2s2;
        while (t / h2s2 > 5f) {
            t = Math.nextDown(t);
        }
        while (Math.nextUp(t) / h2s2 <= 5f) {
            t = Math.nextUp(t);
        }
        return t;
    }
}
