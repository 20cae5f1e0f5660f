package org.flowscope.methods.numerics.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.core.image.ImageStack;
import org.junit.jupiter.api.Test;

class FourierInterpolationTest {

    private static ImageStack blob(int h, int w) {
        float[] px = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / (w / 4.0);
                double dy = (y - h / 2.0) / 40.0;
                px[y * w + x] = (float) (10 + 100 * Math.exp(-(dx * dx + dy * dy)));
            }
        }
        return ImageStack.ofImage(h, w, px);
    }

    @Test
    void staysWithinTheInputRangeAndMagnifiesTheShape() {
        ImageStack out = FourierInterpolation.magnify(blob(24, 20), 3);
        assertEquals(72, out.height());
        assertEquals(60, out.width());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : out.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        ImageStack in = blob(24, 20);
        float inMin = Float.MAX_VALUE;
        float inMax = -Float.MAX_VALUE;
        for (float v : in.data()) {
            inMin = Math.min(inMin, v);
            inMax = Math.max(inMax, v);
        }
        // the rescale to [min, max] applies to the mirror-padded frame, of which the output is the centre
        assertTrue(min >= inMin - 1e-3 && max <= inMax + 1e-3, "output range " + min + ".." + max);
        assertEquals(inMax, max, 0.02 * (inMax - inMin));
    }

    @Test
    void tilesFramesAbove256PixelsAndAgreesWithTheWholeFrameAwayFromTheSeams() {
        int h = 300;
        int w = 24;
        float[] tiled = FourierInterpolation.tiled(blob(h, w).data(), h, w, 2);
        float[] whole = FourierInterpolation.frame(blob(h, w).data(), h, w, 2);
        assertEquals(whole.length, tiled.length);
        double worst = 0;
        for (int y = 40; y < 2 * h - 40; y++) {
            for (int x = 8; x < 2 * w - 8; x++) {
                worst = Math.max(worst, Math.abs(tiled[y * 2 * w + x] - whole[y * 2 * w + x]));
            }
        }
        assertTrue(worst < 2.0, "worst |tiled - whole| = " + worst + " on a 10..110 image");
    }
}
