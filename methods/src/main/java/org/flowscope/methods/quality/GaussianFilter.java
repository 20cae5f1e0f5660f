package org.flowscope.methods.quality;

/**
 * Separable Gaussian smoothing as SciPy's {@code ndimage.gaussian_filter} computes it (methods spec &sect;0.5):
 * 1-D weights {@code w_k = exp(-k^2 / (2 sigma^2))} for {@code |k| <= R = int(4 sigma + 0.5)}, normalised to sum 1,
 * boundary mode {@code reflect} (half-sample symmetric, {@code ... c b a | a b c ...}), rows then columns,
 * accumulated in double. Like SciPy, a sigma of at most 1e-15 (zero or negative, as a line search may probe) returns
 * a copy of the input.
 */
public final class GaussianFilter {
    private GaussianFilter() {
    }

    /** Filters a {@code rows x cols} image; sigma in pixels, finite. */
    public static double[] filter(double[] image, int rows, int cols, double sigma) {
        return filter(image, rows, cols, sigma, false);
    }

    private static double[] filter(double[] image, int rows, int cols, double sigma, boolean float32) {
        if (!Double.isFinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be finite, got " + sigma);
        }
        if (sigma <= 1e-15) {
            return image.clone();
        }
        double[] w = weights(sigma);
        int radius = (w.length - 1) / 2;
        // SciPy filters axis 0 (along columns) then axis 1, storing the intermediate in the input's dtype
        double[] tmp = new double[image.length];
        double[] line = new double[Math.max(rows, cols)];
        double[] outLine = new double[line.length];
        for (int x = 0; x < cols; x++) {
            for (int y = 0; y < rows; y++) {
                line[y] = image[y * cols + x];
            }
            convolve(line, rows, w, radius, outLine);
            for (int y = 0; y < rows; y++) {
                tmp[y * cols + x] = float32 ? (float) outLine[y] : outLine[y];
            }
        }
        double[] out = new double[image.length];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(tmp, y * cols, line, 0, cols);
            convolve(line, cols, w, radius, outLine);
            System.arraycopy(outLine, 0, out, y * cols, cols);
        }
        return out;
    }

    /** Filters a float image; the result is rounded to float like SciPy's output in the input dtype. */
    public static float[] filter(float[] image, int rows, int cols, double sigma) {
        double[] in = new double[image.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = image[i];
        }
        double[] out = filter(in, rows, cols, sigma, true);
        float[] f = new float[out.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) out[i];
        }
        return f;
    }

    static double[] weights(double sigma) {
        int radius = (int) (4.0 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double v = Math.exp(-0.5 * k * k / (sigma * sigma));
            w[k + radius] = v;
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static void convolve(double[] line, int n, double[] w, int radius, double[] out) {
        // extend the line by the reflected border once, so the inner loop is a plain dot product
        double[] ext = new double[n + 2 * radius];
        for (int i = 0; i < ext.length; i++) {
            ext[i] = line[reflect(i - radius, n)];
        }
        int taps = w.length;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int k = 0; k < taps; k++) {
                acc += w[k] * ext[i + k];
            }
            out[i] = acc;
        }
    }

    /** Half-sample symmetric index, periodic with period 2n so that kernels wider than the line still work. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
