package org.flowscope.methods.numerics.fft;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Two-dimensional discrete Fourier transforms of any size through JTransforms, in double precision, with NumPy's
 * {@code fftshift}/{@code ifftshift} conventions. Complex arrays are interleaved {@code (re, im)} pairs, row-major:
 * element {@code (y, x)} is at {@code 2 * (y * cols + x)}. The forward transform is unnormalised, the inverse carries
 * the {@code 1/(rows cols)} factor (NumPy's {@code fft2}/{@code ifft2}).
 *
 * <p>Two ways in, for two kinds of caller:
 * <ul>
 *   <li>the static methods transform one image once with JTransforms' 2-D transform, which runs on JTransforms'
 *       own threads for large images (quality measures: FRC, decorrelation, SQUIRREL);</li>
 *   <li>an instance is a plan for one size, reused across frames, built from 1-D transforms (rows, then columns):
 *       JTransforms only threads 1-D transforms of 8,192 points or more, so image-sized transforms stay on the
 *       calling thread and the caller decides the parallelism (cross-correlation workers, one plan per thread).
 *       Not thread-safe.</li>
 * </ul>
 */
public final class Fourier {
    private final int height;
    private final int width;
    private final DoubleFFT_1D rowFft;
    private final DoubleFFT_1D colFft;
    private final double[] column;
    private final double[] row;

    /** A plan for {@code height x width} transforms. */
    public Fourier(int height, int width) {
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

    /** Supplies the rows of a real image that is never stored whole. */
    @FunctionalInterface
    public interface RealRows {
        /** Writes row {@code y} ({@code cols} values) into {@code out}. */
        void row(int y, double[] out);
    }

    /**
     * The half spectrum of a real {@code rows x cols} image ({@code cols} even) into {@code out}: {@code rows} rows of
     * {@code cols/2 + 1} interleaved complex values, element {@code (ky, kx)} the unnormalised DFT at that frequency
     * (the other half is its conjugate mirror). Built from JTransforms 1-D transforms, real rows then the half
     * spectrum's columns, so the memory is 8 bytes per pixel plus a row per worker and the image itself is only ever
     * seen a row at a time. With a pool, rows and columns are spread over it, each computed as without.
     *
     * @param out at least {@code rows (cols + 2)} doubles
     */
    public static void halfSpectrum(int rows, int cols, RealRows image, java.util.concurrent.ForkJoinPool pool, double[] out) {
        if (rows < 1 || cols < 2 || cols % 2 != 0) {
            throw new IllegalArgumentException("a half spectrum needs rows >= 1 and an even number of columns, got "
                    + rows + "x" + cols);
        }
        int half = cols / 2 + 1;
        if (out.length < 2L * rows * half) {
            throw new IllegalArgumentException("half spectrum array needs " + 2L * rows * half + " doubles, got " + out.length);
        }
        // rows: real transforms, unpacked (JTransforms' packing keeps Re at cols/2 in a[1])
        chunks(rows, pool, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(cols);
            double[] row = new double[cols];
            for (int y = from; y < to; y++) {
                image.row(y, row);
                fft.realForward(row);
                int base = 2 * y * half;
                out[base] = row[0];
                out[base + 1] = 0;
                out[base + 2 * (half - 1)] = row[1];
                out[base + 2 * (half - 1) + 1] = 0;
                System.arraycopy(row, 2, out, base + 2, cols - 2);
            }
        });
        chunks(half, pool, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(rows);
            double[] col = new double[2 * rows];
            for (int x = from; x < to; x++) {
                for (int y = 0; y < rows; y++) {
                    col[2 * y] = out[2 * (y * half + x)];
                    col[2 * y + 1] = out[2 * (y * half + x) + 1];
                }
                fft.complexForward(col);
                for (int y = 0; y < rows; y++) {
                    out[2 * (y * half + x)] = col[2 * y];
                    out[2 * (y * half + x) + 1] = col[2 * y + 1];
                }
            }
        });
    }

    private interface Chunk {
        void run(int from, int to);
    }

    private static void chunks(int count, java.util.concurrent.ForkJoinPool pool, Chunk body) {
        if (pool == null) {
            body.run(0, count);
            return;
        }
        int n = Math.max(1, Math.min(count, pool.getParallelism() * 4));
        java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            int from = (int) ((long) count * c / n);
            int to = (int) ((long) count * (c + 1) / n);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        org.flowscope.methods.numerics.parallel.CpuPools.joinAll(futures);
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
