package org.flowscope.methods.conv2d;

import java.util.Arrays;

/**
 * The kernel of a {@link Conv2d} call: {@code kh} rows by {@code kw} columns of float32 weights, row-major
 * ({@code kernel[kr * kw + kc]}). The array is copied on construction and on access, so a params value never
 * changes after validation.
 *
 * <p>Rules: {@code 1 <= kh, kw <= }{@value #MAX_SIDE}, {@code kernel.length == kh * kw}, every weight finite.
 * The side limit keeps the whole kernel inside the 64 KiB constant memory that the GPU kernels read it from
 * (127 &times; 127 &times; 4 bytes = 63.0 KiB).
 *
 * @param kernel weights, row-major
 * @param kh     kernel rows
 * @param kw     kernel columns
 */
public record Conv2dParams(float[] kernel, int kh, int kw) {
    /** Largest kernel side the GPU implementations accept. */
    public static final int MAX_SIDE = 127;

    public Conv2dParams {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        if (kh < 1 || kh > MAX_SIDE || kw < 1 || kw > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "kernel sides must be in [1, " + MAX_SIDE + "], got kh=" + kh + " kw=" + kw);
        }
        if (kernel.length != kh * kw) {
            throw new IllegalArgumentException(
                    "kernel length must equal kh*kw = " + (kh * kw) + ", got " + kernel.length);
        }
        for (int i = 0; i < kernel.length; i++) {
            if (!Float.isFinite(kernel[i])) {
                throw new IllegalArgumentException("kernel weights must be finite, got " + kernel[i] + " at index " + i);
            }
        }
        kernel = kernel.clone();
    }

    /** A copy of the weights. */
    @Override
    public float[] kernel() {
        return kernel.clone();
    }

    /** The weights without copying, for implementations that only read them. */
    float[] weights() {
        return kernel;
    }

    /** Row offset of the anchor: {@code (kh - 1) div 2}, the upper of the two centres for even sizes. */
    public int anchorRow() {
        return (kh - 1) / 2;
    }

    /** Column offset of the anchor: {@code (kw - 1) div 2}. */
    public int anchorCol() {
        return (kw - 1) / 2;
    }

    /** Weights from a rectangular 2-D array {@code rows[kr][kc]}. */
    public static Conv2dParams of(float[][] rows) {
        if (rows == null || rows.length == 0 || rows[0] == null) {
            throw new IllegalArgumentException("kernel must have at least one row");
        }
        int kw = rows[0].length;
        float[] k = new float[rows.length * kw];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != kw) {
                throw new IllegalArgumentException("kernel rows must all have " + kw + " columns, row " + r + " differs");
            }
            System.arraycopy(rows[r], 0, k, r * kw, kw);
        }
        return new Conv2dParams(k, rows.length, kw);
    }

    /** A {@code size} &times; {@code size} box of weight {@code 1/size²}, which preserves the mean. */
    public static Conv2dParams box(int size) {
        requireSide(size);
        float[] k = new float[size * size];
        Arrays.fill(k, 1f / (size * size));
        return new Conv2dParams(k, size, size);
    }

    /** A {@code size} &times; {@code size} array of ones, NanoPyx's benchmark kernel. */
    public static Conv2dParams ones(int size) {
        requireSide(size);
        float[] k = new float[size * size];
        Arrays.fill(k, 1f);
        return new Conv2dParams(k, size, size);
    }

    /**
     * A {@code size} &times; {@code size} Gaussian, sampled at integer offsets from the anchor's mirror-symmetric
     * centre {@code (size-1)/2} and normalised to sum 1 (in double, then rounded to float).
     *
     * @param sigma standard deviation in pixels, &gt; 0
     */
    public static Conv2dParams gaussian(int size, double sigma) {
        requireSide(size);
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("gaussian sigma must be a finite number > 0, got " + sigma);
        }
        double c = (size - 1) / 2.0;
        double[] w = new double[size * size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            for (int col = 0; col < size; col++) {
                double d2 = (r - c) * (r - c) + (col - c) * (col - c);
                w[r * size + col] = Math.exp(-d2 / (2 * sigma * sigma));
                sum += w[r * size + col];
            }
        }
        float[] k = new float[size * size];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (w[i] / sum);
        }
        return new Conv2dParams(k, size, size);
    }

    private static void requireSide(int size) {
        if (size < 1 || size > MAX_SIDE) {
            throw new IllegalArgumentException("kernel size must be in [1, " + MAX_SIDE + "], got " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conv2dParams p && kh == p.kh && kw == p.kw && Arrays.equals(kernel, p.kernel);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kh + kw) + Arrays.hashCode(kernel);
    }

    @Override
    public String toString() {
        return "Conv2dParams[" + kh + "x" + kw + "]";
    }
}
