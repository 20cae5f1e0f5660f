package org.flowscope.methods.numerics.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FourierTest {

    private static float[] image(int rows, int cols) {
        SplittableRandom r = new SplittableRandom(rows * 31L + cols);
        float[] img = new float[rows * cols];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) r.nextDouble(-1, 1);
        }
        return img;
    }

    @Test
    void aReusablePlanAndTheOneShotTransformGiveTheSameSpectrum() {
        for (int[] s : new int[][] {{16, 16}, {15, 22}, {7, 3}}) {
            float[] img = image(s[0], s[1]);
            double[] oneShot = Fourier.forward(img, s[0], s[1]);
            double[] planned = new double[oneShot.length];
            for (int i = 0; i < img.length; i++) {
                planned[2 * i] = img[i];
            }
            new Fourier(s[0], s[1]).forward(planned);
            for (int i = 0; i < planned.length; i++) {
                assertEquals(oneShot[i], planned[i], 1e-9, s[0] + "x" + s[1] + " element " + i);
            }
        }
    }

    @Test
    void theInverseUndoesTheForwardTransformAndShiftUndoesUnshift() {
        float[] img = image(12, 9);
        double[] c = Fourier.forward(img, 12, 9);
        double[] back = Fourier.unshift(Fourier.shift(c, 12, 9), 12, 9);
        Fourier plan = new Fourier(12, 9);
        plan.inverse(back);
        for (int i = 0; i < img.length; i++) {
            assertEquals(img[i], back[2 * i], 1e-6);
            assertEquals(0, back[2 * i + 1], 1e-9);
        }
    }

    @Test
    void fftShiftMovesTheZeroFrequencyToTheCentre() {
        double[] c = new double[2 * 5 * 4];
        c[0] = 1;
        double[] s = Fourier.shift(c, 5, 4);
        assertEquals(1, s[2 * (2 * 4 + 2)]);
    }

    @Test
    void aPlanRefusesAnEmptySizeAndAWronglySizedArray() {
        assertThrows(IllegalArgumentException.class, () -> new Fourier(0, 4));
        var e = assertThrows(IllegalArgumentException.class, () -> new Fourier(2, 2).forward(new double[4]));
        assertEquals("array length 4 is not 2*2*2", e.getMessage());
    }
}
