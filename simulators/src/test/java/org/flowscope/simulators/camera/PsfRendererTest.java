package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PsfRendererTest {
    @Test
    void conservesPhotonsAndCentroidIsTheSubPixelPosition() {
        int w = 32;
        double[] img = new double[w * w];
        new PsfRenderer(1.3).add(img, w, w, 12.37, 17.81, 1000);
        double sum = 0;
        double cx = 0;
        double cy = 0;
        for (int r = 0; r < w; r++) {
            for (int c = 0; c < w; c++) {
                double v = img[r * w + c];
                sum += v;
                cx += v * (c + 0.5); // pixel centre convention
                cy += v * (r + 0.5);
            }
        }
        assertEquals(1000, sum, 1e-3);
        assertEquals(12.37, cx / sum, 1e-3);
        assertEquals(17.81, cy / sum, 1e-3);
    }

    @Test
    void anEmitterAtAPixelCentreIsSymmetricAroundThatPixel() {
        int w = 21;
        double[] img = new double[w * w];
        new PsfRenderer(1.0).add(img, w, w, 10.5, 10.5, 100);
        assertEquals(img[10 * w + 9], img[10 * w + 11], 1e-12);
        assertEquals(img[9 * w + 10], img[11 * w + 10], 1e-12);
        double centre = img[10 * w + 10];
        assertEquals(100 * Math.pow(org.apache.commons.math3.special.Erf.erf(0.5 / Math.sqrt(2)), 2), centre, 1e-5);
    }

    @Test
    void fastErfMatchesTheSeriesErfWithin2e7() {
        for (double x = -6; x <= 6; x += 0.001) {
            assertEquals(org.apache.commons.math3.special.Erf.erf(x), PsfRenderer.erf(x), 2e-7, "x=" + x);
        }
    }

    @Test
    void rejectsNonPositiveSigma() {
        assertThrows(IllegalArgumentException.class, () -> new PsfRenderer(0));
    }
}
