package org.flowscope.methods.nlm;

/**
 * The parameters of a {@link Nlm} call, in NanoPyx's units: a square patch of {@code patchSize} pixels on a side, a
 * search window of &plusmn;{@code patchDistance} pixels around each pixel, the cut-off {@code h} in grey levels of
 * the input (not normalised) and the expected noise standard deviation {@code sigma} in grey levels. {@code h} and
 * {@code sigma} are float32, as NanoPyx passes them to its C code.
 *
 * <p>Rules (shared with {@code nlm-fast}): {@code patchSize} odd, in [3, {@value #MAX_PATCH}] (NanoPyx silently
 * rounds an even size up; here the caller says what they mean); {@code patchDistance} in [0, {@value
 * #MAX_DISTANCE}]; {@code h} in [{@value #MIN_H}, {@value #MAX_H}] and {@code sigma} in [0, {@value #MAX_H}] (so that
 * {@code h²}, {@code s² h²} and {@code 2 sigma²} are normal float32 numbers). The patch must also fit the image,
 * which {@link Nlm#validate} checks. The patch side limit keeps the weights inside the GPU's 64 KiB of constant
 * memory (127&sup2; &times; 4 bytes = 63.0 KiB).
 *
 * @param patchSize     patch side in pixels, odd
 * @param patchDistance search radius in pixels: candidates within &plusmn;patchDistance rows and columns
 * @param h             cut-off in grey levels, &gt; 0
 * @param sigma         expected noise standard deviation in grey levels, &ge; 0
 */
public record NlmParams(int patchSize, int patchDistance, float h, float sigma) {
    /** Largest patch side. */
    public static final int MAX_PATCH = 127;
    /** Largest search radius; a window of 1025&sup2; candidates per pixel is far beyond any use. */
    public static final int MAX_DISTANCE = 512;
    /** Smallest cut-off. */
    public static final float MIN_H = 1e-15f;
    /** Largest cut-off and noise standard deviation. */
    public static final float MAX_H = 1e15f;

    public NlmParams {
        check(patchSize, patchDistance, h, sigma);
    }

    /** NanoPyx's defaults except {@code h}, which depends on the data's grey levels: patch 7, distance 11, sigma 0. */
    public static NlmParams withH(float h) {
        return new NlmParams(7, 11, h, 0f);
    }

    /**
     * The rules above, for both NLM operations; IllegalArgumentException naming the rule and the value.
     */
    public static void check(int patchSize, int patchDistance, float h, float sigma) {
        if (patchSize < 3 || patchSize > MAX_PATCH || patchSize % 2 == 0) {
            throw new IllegalArgumentException("patch size must be odd and in [3, " + MAX_PATCH + "], got " + patchSize
                    + (patchSize % 2 == 0 && patchSize > 0 ? " (NanoPyx would use " + (patchSize + 1) + ")" : ""));
        }
        if (patchDistance < 0 || patchDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("patch distance must be in [0, " + MAX_DISTANCE + "] pixels, got " + patchDistance);
        }
        if (!(h >= MIN_H && h <= MAX_H)) {
            throw new IllegalArgumentException("h must be in [" + MIN_H + ", " + MAX_H + "] grey levels, got " + h);
        }
        if (!(sigma >= 0 && sigma <= MAX_H)) {
            throw new IllegalArgumentException("sigma must be in [0, " + MAX_H + "] grey levels, got " + sigma);
        }
    }

    /** Half the patch side, {@code patchSize div 2}. */
    public int offset() {
        return patchSize / 2;
    }

    /** Twice the noise variance, {@code 2 sigma²} in float32 as NanoPyx computes it. */
    public float twoVariance() {
        return 2 * (sigma * sigma);
    }

    /**
     * The Gaussian patch weights {@code w[a * patchSize + b]}, a and b in [0, patchSize), normalised so that they sum
     * to {@code 1/h²}: {@code g = exp(-(u² + v²) / (2 A²))} with {@code u, v = a - o, b - o} and
     * {@code A = (patchSize - 1) / 4}; {@code w = g / (sum(g) h²)}. Computed with NumPy's float32 arithmetic, bit for
     * bit (see {@link NumpyFloat32}), because NanoPyx builds this table with NumPy and a last-bit difference in one
     * weight moves the early exit of a few patch distances across 5 (measured: up to 1.8e-5 in the output of the
     * reference case nlm256_p5_d10).
     */
    public float[] patchWeights() {
        int s = patchSize;
        int o = offset();
        float a = (s - 1) / 4f;
        float twoA2 = 2f * a * a; // exact: a is a multiple of 0.5
        float[] g = new float[s * s];
        for (int u = -o; u <= o; u++) {
            for (int v = -o; v <= o; v++) {
                g[(u + o) * s + v + o] = NumpyFloat32.exp(-(float) (u * u + v * v) / twoA2);
            }
        }
        float sum = NumpyFloat32.sum(g);
        // NumPy 1.x scalar rules: float32 sum times Python floats is float64; the array product is float32
        float scale = (float) (1.0 / ((double) sum * h * h));
        float[] w = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            w[i] = g[i] * scale;
        }
        return w;
    }
}
