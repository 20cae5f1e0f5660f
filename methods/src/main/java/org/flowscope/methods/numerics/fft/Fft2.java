package org.flowscope.methods.numerics.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A 2-D complex DFT of any size built from JTransforms 1-D transforms (rows, then columns), in double precision.
 * Composing 1-D transforms keeps JTransforms' internal thread pool out of the picture for image-sized rows
 * (it only threads 1-D transforms of 8,192 points or more), so the caller decides the parallelism.
 *
 * <p>Arrays are interleaved complex, row-major: element {@code (y, x)} is {@code a[2*(y*w + x)]} (real) and the
 * next index (imaginary). Not thread-safe: one instance per thread.
 */
public final class Fft2 {
    private final int height;
    private final int width;
    private final DoubleFFT_1D rowFft;
    private final DoubleFFT_1D colFft;
    private final double[] column;
    private final double[] row;

    public Fft2(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("FFT size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.rowFft = new DoubleFFT_1D(width);
        this.colFft = height == width ? rowFft : new DoubleFFT_1D(height);
        this.column = new double[2 * height];
        this.row = new double[2 * width];
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Unnormalised forward transform, sum of a(y,x) exp(-2 pi i (ky y/h + kx x/w)), in place. */
    public void forward(double[] a) {
        transform(a, true);
    }

    /** Inverse transform including the 1/(h w) factor, in place. */
    public void inverse(double[] a) {
        transform(a, false);
    }

    private void transform(double[] a, boolean forward) {
        if (a.length != 2 * height * width) {
            throw new IllegalArgumentException("array length " + a.length + " is not 2*" + height + "*" + width);
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(a, 2 * y * width, row, 0, 2 * width);
            if (forward) {
                rowFft.complexForward(row);
            } else {
                rowFft.complexInverse(row, true);
            }
            System.arraycopy(row, 0, a, 2 * y * width, 2 * width);
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                int i = 2 * (y * width + x);
                column[2 * y] = a[i];
                column[2 * y + 1] = a[i + 1];
            }
            if (forward) {
                colFft.complexForward(column);
            } else {
                colFft.complexInverse(column, true);
            }
            for (int y = 0; y < height; y++) {
                int i = 2 * (y * width + x);
                a[i] = column[2 * y];
                a[i + 1] = column[2 * y + 1];
            }
        }
    }
}
