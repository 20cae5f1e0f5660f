package org.flowscope.methods.nlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Expected rows are NumPy's np.pad(..., mode='reflect') of the same arrays. */
class MirrorPadTest {
    @Test
    void reflectsWithoutRepeatingTheEdgeLikeNumpy() {
        // np.pad([[1, 2, 3], [4, 5, 6]], 1, mode='reflect')
        float[] padded = MirrorPad.frame(new float[] {1, 2, 3, 4, 5, 6}, 0, 2, 3, 1);
        assertArrayEquals(new float[] {
            5, 4, 5, 6, 5,
            2, 1, 2, 3, 2,
            5, 4, 5, 6, 5,
            2, 1, 2, 3, 2}, padded);
    }

    @Test
    void padsWiderThanTheImageRepeatTheReflection() {
        // np.pad([0, 1, 2], 5, mode='reflect') = [1 0 1 2 1 | 0 1 2 | 1 0 1 2 1]
        int[] expected = {1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(new int[] {expected[i]}, new int[] {MirrorPad.index(i - 5, 3)}, "index " + (i - 5));
        }
        // a single column is repeated
        float[] sevens = new float[25];
        java.util.Arrays.fill(sevens, 7f);
        assertArrayEquals(sevens, MirrorPad.frame(new float[] {7}, 0, 1, 1, 2), 0f);
    }

    @Test
    void padsEachFrameOfAChunkOnItsOwn() {
        // np.pad([[1, 2]], 1, mode='reflect') is three rows of [2 1 2 1]; the second frame is [[3, 4]]
        var two = new org.flowscope.core.image.ImageStack(2, 1, 2, new float[] {1, 2, 3, 4});
        assertArrayEquals(new float[] {2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3},
                MirrorPad.frames(two, 0, 2, 1));
    }
}
