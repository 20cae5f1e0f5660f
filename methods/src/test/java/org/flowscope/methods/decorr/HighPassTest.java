package org.flowscope.methods.decorr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.flowscope.methods.numerics.fft.Fourier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighPassTest {
    @ParameterizedTest(name = "sigma {0}")
    @ValueSource(doubles = {0.13, 0.7, 2.5, 9.0})
    void spectralWeightIsTheSpectrumOfTheImageMinusItsWrappedGaussianBlur(double sigma) {
        int n = 32;
        Random rnd = new Random(3);
        double[] img = new double[n * n];
        for (int i = 0; i < img.length; i++) {
            img[i] = rnd.nextGaussian();
        }
        // SciPy gaussian_filter(mode='wrap'), rows and columns, in double
        int radius = (int) (4 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            w[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += w[j + radius];
        }
        double[] tmp = new double[n * n];
        double[] blur = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int j = -radius; j <= radius; j++) {
                    acc += w[j + radius] / sum * img[Math.floorMod(y + j, n) * n + x];
                }
                tmp[y * n + x] = acc;
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int j = -radius; j <= radius; j++) {
                    acc += w[j + radius] / sum * tmp[y * n + Math.floorMod(x + j, n)];
                }
                blur[y * n + x] = acc;
            }
        }
        double[] high = new double[n * n];
        for (int i = 0; i < high.length; i++) {
            high[i] = img[i] - blur[i];
        }
        double[] fh = Fourier.forward(high, n, n);
        double[] fi = Fourier.forward(img, n, n);
        double[] a = HighPass.table(sigma, n);
        double[] expected = new double[n * n];
        double[] actual = new double[n * n];
        for (int ky = 0; ky < n; ky++) {
            for (int kx = 0; kx < n; kx++) {
                int i = ky * n + kx;
                expected[i] = Math.hypot(fh[2 * i], fh[2 * i + 1]);
                actual[i] = Math.hypot(fi[2 * i], fi[2 * i + 1]) * (a[ky] + a[kx] - a[ky] * a[kx]);
            }
        }
        assertArrayEquals(expected, actual, 1e-9 * n);
    }

    @Test
    void tinySigmasKeepTheirRelativePrecisionAndRadiusZeroRemovesNothing() {
        double sigma = 0.13;
        double w1 = Math.exp(-0.5 / (sigma * sigma));
        double norm = 1 + 2 * w1;
        double[] a = HighPass.table(sigma, 64);
        // a(k) = 2 w1/norm (1 - cos(2 pi k/64)): ~1e-13, computed without cancellation
        double expected = 2 * w1 / norm * 2 * Math.pow(Math.sin(Math.PI * 5 / 64), 2);
        assertEquals(expected, a[5], 1e-12 * expected);
        assertArrayEquals(new double[64], HighPass.table(0.1, 64));
    }
}
