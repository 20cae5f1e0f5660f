package org.flowscope.methods.nlm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The NumPy float32 emulation gives NumPy's bits, where they differ from correctly rounded results. */
class NumpyFloat32Test {
    /** {argument bits, np.exp result bits}, printed by NumPy 2.4 on x86-64; each differs from the rounded exact value. */
    private static final int[][] EXP = {
        {0xc00e6b5c, 0x3ddd414d}, // np.exp(-2.2253026962280273) = 0.10803470760583878, rounded exact 0.10803471505641937
        {0xc10a9afc, 0x39354a98}, // np.exp(-8.662837982177734)
        {0xc15b65de, 0x3594ccd4}, // np.exp(-13.712369918823242)
        {0xc13037aa, 0x378a3680}, // np.exp(-11.013589859008789)
        {0xc0b4bb6e, 0x3b670367}, // np.exp(-5.647879600524902)
        {0xc126e602, 0x37f7749d}, // np.exp(-10.431154251098633)
    };

    @Test
    void expGivesNumpysBitsWhereTheyAreNotCorrectlyRounded() {
        for (int[] c : EXP) {
            float x = Float.intBitsToFloat(c[0]);
            assertEquals(c[1], Float.floatToIntBits(NumpyFloat32.exp(x)), "np.exp(" + x + ")");
            assertEquals(c[1] + 1, Float.floatToIntBits((float) Math.exp(x)), "the exact value rounds one ulp up");
        }
    }

    @Test
    void expHandlesTheEdgesLikeNumpy() {
        assertEquals(1f, NumpyFloat32.exp(0f));
        assertEquals(0f, NumpyFloat32.exp(-200f));
        assertEquals(Float.POSITIVE_INFINITY, NumpyFloat32.exp(100f));
    }

    @Test
    void sumIsNumpysPairwiseSumNotASequentialOne() {
        // np.sum of the unnormalised Gaussian patch tables of sides 7, 13 and 31 (NumPy 2.4), which a left-to-right
        // float sum misses by 2, 1 and 3 ulps
        int[][] sums = {{7, 0x415a5fb9}, {13, 0x42550be1}, {31, 0x43a3540a}};
        for (int[] c : sums) {
            int s = c[0];
            int o = s / 2;
            float a = (s - 1) / 4f;
            float[] g = new float[s * s];
            for (int u = -o; u <= o; u++) {
                for (int v = -o; v <= o; v++) {
                    g[(u + o) * s + v + o] = NumpyFloat32.exp(-(float) (u * u + v * v) / (2f * a * a));
                }
            }
            assertEquals(c[1], Float.floatToIntBits(NumpyFloat32.sum(g)), "np.sum of the " + s + "x" + s + " table");
        }
    }
}
