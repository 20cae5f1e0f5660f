package org.flowscope.methods.numerics.fft;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Two-dimensional discrete Fourier transforms through JTransforms, in double precision, with NumPy's
 * {@code fftshift}/{@code ifftshift} conventions. Complex arrays are interleaved {@code (re, im)} pairs, row-major:
 * element {@code (y, x)} is at {@code 2 * (y * cols + x)}.
 */
public final class Fourier {
    private Fourier() {
    }

    /** The forward DFT (no normalisation) of a real image of {@code rows x cols}, as an interleaved complex array. */
    public static double[] forward(float[] image, int rows, int cols) {
        double[] c = new double[2 * rows * cols];
        for (int i = 0; i < rows * cols; i++) {
            c[2 * i] = image[i];
        }
        new DoubleFFT_2D(rows, cols).complexForward(c);
        return c;
    }

    /** The forward DFT of a real image given in double precision. */
    public static double[] forward(double[] image, int rows, int cols) {
        double[] c = new double[2 * rows * cols];
        for (int i = 0; i < rows * cols; i++) {
            c[2 * i] = image[i];
        }
        new DoubleFFT_2D(rows, cols).complexForward(c);
        return c;
    }

    /** In-place inverse DFT scaled by {@code 1/(rows*cols)}, as NumPy's {@code ifft2}. */
    public static void inverse(double[] complex, int rows, int cols) {
        new DoubleFFT_2D(rows, cols).complexInverse(complex, true);
    }

    /** NumPy {@code fftshift}: moves the zero frequency to {@code (rows div 2, cols div 2)}. */
    public static double[] shift(double[] complex, int rows, int cols) {
        return roll(complex, rows, cols, rows / 2, cols / 2);
    }

    /** NumPy {@code ifftshift}: the inverse of {@link #shift}. */
    public static double[] unshift(double[] complex, int rows, int cols) {
        return roll(complex, rows, cols, -(rows / 2), -(cols / 2));
    }

    private static double[] roll(double[] c, int rows, int cols, int dy, int dx) {
        double[] out = new double[c.length];
        for (int y = 0; y < rows; y++) {
            int ty = Math.floorMod(y + dy, rows);
            for (int x = 0; x < cols; x++) {
                int tx = Math.floorMod(x + dx, cols);
                int s = 2 * (y * cols + x);
                int t = 2 * (ty * cols + tx);
                out[t] = c[s];
                out[t + 1] = c[s + 1];
            }
        }
        return out;
    }
}
