package org.flowscope.methods.nlm;

/**
 * The two NumPy float32 operations NanoPyx uses to build the classic NLM patch weights, reproduced bit for bit so
 * that the weights (and hence which patch distances cross the early-exit threshold) equal NanoPyx's:
 * <ul>
 * <li>{@code np.exp} on float32 (NumPy's SIMD kernel on x86 with AVX2/AVX-512: round {@code x log2 e} to an integer
 *     {@code q} with the 1.5&middot;2<sup>23</sup> trick, Cody&ndash;Waite reduction {@code y = x - q ln 2} in two
 *     fused steps, a degree-5 over degree-2 minimax rational for {@code e^y} with fused multiply-adds, then
 *     {@code 2^q}). Not correctly rounded: about one value in three of a 7&times;7 Gaussian differs from
 *     {@code (float) Math.exp(x)} by an ulp. Checked against NumPy 2.4 on 2.3 million arguments.</li>
 * <li>{@code np.sum} on float32 (pairwise summation with eight accumulators in blocks of at most 128).</li>
 * </ul>
 * Only used for the small patch-weight table, where exactness matters and speed does not.
 */
final class NumpyFloat32 {
    private static final float LOG2E = 1.442695040888963407359924681001892137f;
    private static final float RINT_MAGIC = 0x1.800000p+23f;
    private static final float LN2_HIGH = -6.93145752e-1f;
    private static final float LN2_LOW = -1.42860677e-6f;
    private static final float[] P = {9.999999999980870924916e-01f, 7.257664613233124478488e-01f,
        2.473615434895520810817e-01f, 5.114512081637298353406e-02f, 6.757896990527504603057e-03f,
        5.082762527590693718096e-04f};
    private static final float[] Q = {1.000000000000000000000e+00f, -2.742335390411667452936e-01f,
        2.159509375685829852307e-02f};
    private static final float X_MAX = 88.72283935546875f;
    private static final float X_MIN = -103.97208404541015625f;
    private static final int PAIRWISE_BLOCK = 128;

    private NumpyFloat32() {
    }

    /** {@code np.exp(np.float32(x))}. */
    static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        if (x >= X_MAX) {
            return Float.POSITIVE_INFINITY;
        }
        if (x <= X_MIN) {
            return 0f;
        }
        float q = x * LOG2E;
        q = (q + RINT_MAGIC) - RINT_MAGIC;
        float y = Math.fma(q, LN2_HIGH, x);
        y = Math.fma(q, LN2_LOW, y);
        float num = Math.fma(P[5], y, P[4]);
        num = Math.fma(num, y, P[3]);
        num = Math.fma(num, y, P[2]);
        num = Math.fma(num, y, P[1]);
        num = Math.fma(num, y, P[0]);
        float den = Math.fma(Q[2], y, Q[1]);
        den = Math.fma(den, y, Q[0]);
        return Math.scalb(num / den, (int) q);
    }

    /** {@code np.sum(a)} of a contiguous float32 array. */
    static float sum(float[] a) {
        return pairwise(a, 0, a.length);
    }

    private static float pairwise(float[] a, int from, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= PAIRWISE_BLOCK) {
            float[] r = new float[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
