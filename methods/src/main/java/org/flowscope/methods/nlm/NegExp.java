package org.flowscope.methods.nlm;

/**
 * {@code exp(-max(0, x))} over arrays, in float arithmetic that the JIT vectorises (no calls, no bit casts, no
 * branches), for the NLM weights of the multi-threaded implementations; {@code Math.exp} costs about 6 ns a call,
 * more than the rest of a fast-NLM pair.
 *
 * <p>{@code e^-x = (e^(-x/32))^32}: {@code y = min(x, 24)/32} lies in [0, 0.75], where the degree-10 Taylor polynomial
 * of {@code e^-y} (float coefficients, fused multiply-adds) is close to float rounding; five squarings then take it to
 * {@code e^-x}, doubling the error each time and adding half an ulp. Measured against {@code Math.exp} on 13 million
 * arguments ({@code NegExpTest} checks the bounds): absolute error below 1.7e-6, relative error below 2.4e-6 for
 * x &le; 5 and 5e-6 up to 24. Above 24 the weight is {@code e^-24} = 3.8e-11 instead of smaller: against the
 * weight 1 of the pixel itself, at most a 2e-8 change of the output for the largest search window.
 */
public final class NegExp {
    /** Arguments are clamped here (see above). */
    public static final float CLAMP = 24f;
    private static final float[] TAYLOR = taylor(10);

    private NegExp() {
    }

    /** {@code out[k] = exp(-max(0, x[k]))} for k in [0, n). */
    public static void apply(float[] x, float[] out, int n) {
        gated(x, 1f, x, Float.MAX_VALUE, out, n);
    }

    /**
     * The NLM weights in one pass: {@code out[k] = exp(-max(0, x[k]) scale)} where {@code gate[k] <= limit}, else 0
     * (a dropped candidate). {@code limit} must be a normal float, so that {@code limit - gate[k]} is either 0 or at
     * least one of its ulps, which the gate scales past [0, 1] without a branch.
     */
    public static void gated(float[] x, float scale, float[] gate, float limit, float[] out, int n) {
        final float c0 = TAYLOR[0];
        final float c1 = TAYLOR[1];
        final float c2 = TAYLOR[2];
        final float c3 = TAYLOR[3];
        final float c4 = TAYLOR[4];
        final float c5 = TAYLOR[5];
        final float c6 = TAYLOR[6];
        final float c7 = TAYLOR[7];
        final float c8 = TAYLOR[8];
        final float c9 = TAYLOR[9];
        final float c10 = TAYLOR[10];
        final float toY = scale * (1f / 32f);
        final float clamp = CLAMP * (1f / 32f);
        for (int k = 0; k < n; k++) {
            float y = Math.min(Math.max(x[k], 0f) * toY, clamp);
            float p = Math.fma(c10, y, c9);
            p = Math.fma(p, y, c8);
            p = Math.fma(p, y, c7);
            p = Math.fma(p, y, c6);
            p = Math.fma(p, y, c5);
            p = Math.fma(p, y, c4);
            p = Math.fma(p, y, c3);
            p = Math.fma(p, y, c2);
            p = Math.fma(p, y, c1);
            p = Math.fma(p, y, c0);
            p = p * p;
            p = p * p;
            p = p * p;
            p = p * p;
            float keep = Math.min(1f, Math.max(0f, (limit - gate[k]) * 1e38f + 1f));
            out[k] = (p * p) * keep;
        }
    }

    /** One value, the same arithmetic as {@link #apply}. */
    public static float of(float x) {
        float[] one = {x};
        apply(one, one, 1);
        return one[0];
    }

    /** Coefficients of {@code e^-y}: {@code (-1)^k / k!}, rounded to float. */
    private static float[] taylor(int degree) {
        float[] c = new float[degree + 1];
        double term = 1;
        for (int k = 0; k <= degree; k++) {
            c[k] = (float) term;
            term = -term / (k + 1);
        }
        return c;
    }
}
