package org.flowscope.methods.esrrfsweep;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.GaussianSpots;

/**
 * Seeded blinking emitters with a known Gaussian PSF for the sweep's tests: emitters at uniform positions (at least 3 px
 * from the edges), each on in a frame with probability {@code on}, pixel-integrated spots of {@code photons} to twice that
 * on a uniform background, with Poisson-like noise (Gaussian of the same variance).
 */
final class BlinkingEmitters {
    private BlinkingEmitters() {
    }

    static ImageStack stack(int frames, int size, double fwhmPx, int emitters, double on, long seed) {
        return stack(frames, size, fwhmPx, emitters, on, 400, 20, seed);
    }

    static ImageStack stack(int frames, int size, double fwhmPx, int emitters, double on, double photons, double background, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double sigma = fwhmPx / 2.3548;
        double[] x = new double[emitters];
        double[] y = new double[emitters];
        for (int i = 0; i < emitters; i++) {
            x[i] = r.nextDouble(3, size - 3);
            y[i] = r.nextDouble(3, size - 3);
        }
        float[] d = new float[frames * size * size];
        for (int f = 0; f < frames; f++) {
            int off = f * size * size;
            for (int i = 0; i < emitters; i++) {
                if (r.nextDouble() < on) {
                    GaussianSpots.addIntegrated(d, off, size, size, x[i], y[i], sigma, r.nextDouble(photons, 2 * photons));
                }
            }
            for (int p = 0; p < size * size; p++) {
                double mean = d[off + p] + background;
                d[off + p] = (float) Math.max(0, mean + Math.sqrt(mean) * r.nextGaussian());
            }
        }
        return new ImageStack(frames, size, size, d);
    }
}
