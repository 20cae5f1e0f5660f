package org.flowscope.methods.numerics.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MirrorPaddingTest {

    @Test
    void thePaddedSquareHasTheImageAtItsCentreAndMirroredCopiesAroundIt() {
        int h = 5;
        int w = 3;
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = i;
        }
        int p = MirrorPadding.side(h, w);
        assertEquals(8, p);
        double[] pad = MirrorPadding.pad(img, h, w, p);
        // rows: 3 tiles of 5 = 15, crop offset (15 - 8) / 2 = 3; columns: 3 tiles of 3 = 9, offset 0
        int oy = 3;
        int ox = 0;
        for (int y = 0; y < p; y++) {
            int my = y + oy;
            int ty = my / h == 1 ? my % h : h - 1 - my % h;
            for (int x = 0; x < p; x++) {
                int mx = x + ox;
                int tx = mx / w == 1 ? mx % w : w - 1 - mx % w;
                assertEquals(img[ty * w + tx], pad[y * p + x], 0, "(" + y + ", " + x + ")");
            }
        }
    }

    @Test
    void thePaddedSideIsTheNextPowerOfTwoOfTheLongerSide() {
        assertEquals(1, MirrorPadding.side(1, 1));
        assertEquals(64, MirrorPadding.side(64, 33));
        assertEquals(128, MirrorPadding.side(65, 20));
    }
}
