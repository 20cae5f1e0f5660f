package org.flowscope.methods.numerics.scenes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.core.image.ImageStack;
import org.junit.jupiter.api.Test;

class GaussianSpotsTest {

    @Test
    void anIntegratedSpotHoldsItsPhotonsAndItsCentroidIsItsPosition() {
        float[] img = new float[32 * 32];
        GaussianSpots.addIntegrated(img, 0, 32, 32, 14.3, 17.8, 1.4, 1000);
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                double v = img[y * 32 + x];
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        assertEquals(1000, sum, 0.01);
        assertEquals(14.3, sx / sum, 1e-4);
        assertEquals(17.8, sy / sum, 1e-4);
    }

    @Test
    void aSampledSpotPeaksAtItsAmplitudeAndStopsAtItsHalfWidth() {
        float[] img = new float[20 * 20];
        GaussianSpots.addSampled(img, 0, 20, 20, 10.5, 5.5, 1.5, 300, 3);
        assertEquals(300, img[5 * 20 + 10], 1e-4);
        assertTrue(img[5 * 20 + 13] > 0);
        assertEquals(0, img[5 * 20 + 14]);
        assertEquals(0, img[9 * 20 + 10]);
    }

    @Test
    void blinkingScenesAreSeededAndNeverAllZero() {
        for (ImageStack s : new ImageStack[] {SyntheticFrames.blinking(3, 20, 24, 5),
                SyntheticFrames.denseBlinking(3, 9, 11, 5)}) {
            float min = Float.MAX_VALUE;
            for (float v : s.data()) {
                min = Math.min(min, v);
            }
            assertTrue(min >= 10, "background " + min);
        }
        assertArrayEquals(SyntheticFrames.denseBlinking(2, 9, 11, 5).data(), SyntheticFrames.denseBlinking(2, 9, 11, 5).data());
    }
}
