package org.flowscope.methods.squirrel;

/**
 * NumPy's float32 {@code sum}/{@code mean} of a contiguous array: pairwise summation in float32 (blocks of at most
 * 128 elements summed with 8 partial accumulators). The RSF search minimises a flat function, so the rounding of
 * this sum decides which of nearly equal sigmas Brent's method settles on; reproducing it lands on NanoPyx's sigma.
 */
final class Float32Sum {
    private static final int BLOCK = 128;

    private Float32Sum() {
    }

    static float mean(float[] a) {
        return sum(a, 0, a.length) / a.length;
    }

    static float sum(float[] a, int from, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            float[] r = new float[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
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
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
}
