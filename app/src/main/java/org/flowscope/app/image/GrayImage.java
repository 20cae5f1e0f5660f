package org.flowscope.app.image;

import java.util.Arrays;

/**
 * One grey-level image as float32, row-major, for previews: a copy, so the pipeline's buffers are never shared.
 *
 * @param width  columns
 * @param height rows
 * @param pixels {@code height * width} values
 */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " needs " + width * height
                    + " pixels, got " + pixels.length);
        }
    }

    /** Most pixels the quantiles look at: an evenly strided sample of larger images (deterministic, ~1 % accurate). */
    static final int QUANTILE_SAMPLE = 1 << 16;

    /**
     * The finite values' {@code lowFraction} and {@code highFraction} quantiles (e.g. 0.001 and 0.999), from at most
     * {@value #QUANTILE_SAMPLE} evenly strided pixels; {0, 1} when there is no finite value.
     */
    public double[] quantiles(double lowFraction, double highFraction) {
        int stride = Math.max(1, pixels.length / QUANTILE_SAMPLE);
        float[] finite = new float[(pixels.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < pixels.length; i += stride) {
            float v = pixels[i];
            if (Float.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            return new double[] {0, 1};
        }
        Arrays.sort(finite, 0, n);
        double lo = finite[(int) Math.floor(lowFraction * (n - 1))];
        double hi = finite[(int) Math.ceil(highFraction * (n - 1))];
        return new double[] {lo, hi};
    }

    /** The pixel-wise mean of {@code images} (all of one size). */
    public static GrayImage mean(java.util.List<GrayImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("the mean needs at least one image");
        }
        GrayImage first = images.get(0);
        double[] sum = new double[first.pixels.length];
        for (GrayImage g : images) {
            if (g.width != first.width || g.height != first.height) {
                throw new IllegalArgumentException("images differ in size: " + first.width + "x" + first.height + " and "
                        + g.width + "x" + g.height);
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += g.pixels[i];
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / images.size());
        }
        return new GrayImage(first.width, first.height, out);
    }
}
