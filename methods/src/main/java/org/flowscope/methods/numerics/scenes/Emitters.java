package org.flowscope.methods.numerics.scenes;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;

/** Test renderer: Gaussian point emitters (integrated over pixels), optionally blinking, seeded. */
public final class Emitters {
    private Emitters() {
    }

    /** Adds an emitter of {@code photons} at continuous (x, y) (pixel k centre at k + 0.5), sigma in pixels. */
    public static void add(float[] img, int off, int h, int w, double x, double y, double sigma, double photons) {
        for (int r = 0; r < h; r++) {
            double py = pixelIntegral(r, y, sigma);
            if (py < 1e-12) {
                continue;
            }
            for (int c = 0; c < w; c++) {
                img[off + r * w + c] += (float) (photons * py * pixelIntegral(c, x, sigma));
            }
        }
    }

    private static double pixelIntegral(int k, double mu, double sigma) {
        double s = sigma * Math.sqrt(2);
        return 0.5 * (erf((k + 1 - mu) / s) - erf((k - mu) / s));
    }

    /** Abramowitz-Stegun 7.1.26 (|error| &lt; 1.5e-7), enough for a test renderer. */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }

    /** A seeded stack of blinking emitters on a background, no noise-free pixel equal to 0. */
    public static ImageStack blinkingStack(int frames, int h, int w, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = Math.max(2, h * w / 20);
        double[] ex = new double[n];
        double[] ey = new double[n];
        for (int i = 0; i < n; i++) {
            ex[i] = rnd.nextDouble(1, w - 1);
            ey[i] = rnd.nextDouble(1, h - 1);
        }
        float[] data = new float[frames * h * w];
        for (int f = 0; f < frames; f++) {
            int off = f * h * w;
            for (int i = 0; i < h * w; i++) {
                data[off + i] = 10 + (float) rnd.nextDouble(0, 2);
            }
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < 0.4) {
                    add(data, off, h, w, ex[i], ey[i], 1.2, 500 * (0.5 + rnd.nextDouble()));
                }
            }
        }
        return new ImageStack(frames, h, w, data);
    }
}
