package org.flowscope.methods.numerics.scenes;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;

/**
 * Seeded stacks of blinking emitters: a background with uniform noise and Gaussian spots that switch on at random,
 * so that gradients, convergence and temporal statistics all vary. Never all zero. Two densities of the one
 * generator: {@link #blinking} for benchmarks and device checks, {@link #denseBlinking} for eSRRF's tests.
 */
public final class SyntheticFrames {
    /** One spot per ~400 px, sampled sigma 1.3 px and amplitude 500, on in 30 % of the frames, background 100-110. */
    private static final Scene SPARSE = new Scene(400, 0, 100, 10, 0.3, 1.3, 500, 0, false);
    /**
     * One emitter per 20 px, at least 1 px from the edge, pixel-integrated sigma 1.2 px and 250-750 photons, on in
     * 40 % of the frames, background 10-12.
     */
    private static final Scene DENSE = new Scene(20, 1, 10, 2, 0.4, 1.2, 500, 1, true);

    private SyntheticFrames() {
    }

    /** {@code frames} frames of {@code height x width}, one spot per ~400 pixels, each on in ~30 % of the frames. */
    public static ImageStack blinking(int frames, int height, int width, long seed) {
        return SPARSE.stack(frames, height, width, seed);
    }

    /** {@code frames} frames of {@code h x w}, one emitter per 20 pixels, each on in ~40 % of the frames. */
    public static ImageStack denseBlinking(int frames, int h, int w, long seed) {
        return DENSE.stack(frames, h, w, seed);
    }

    /**
     * A blinking scene: at least 2 emitters, one per {@code pixelsPerEmitter}, at uniform positions at least
     * {@code margin} px from the edges; per frame a background uniform in {@code [background, background + spread)},
     * and each emitter on with probability {@code onProbability}, of brightness
     * {@code brightness * (1 - brightnessSpread/2 + brightnessSpread * U)}; spots pixel-integrated
     * ({@link GaussianSpots#addIntegrated}) or sampled within 4 px ({@link GaussianSpots#addSampled}).
     */
    private record Scene(int pixelsPerEmitter, double margin, double background, double spread, double onProbability,
            double sigma, double brightness, double brightnessSpread, boolean integrated) {

        ImageStack stack(int frames, int h, int w, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] d = new float[Math.multiplyExact(Math.multiplyExact(frames, h), w)];
            int n = Math.max(2, h * w / pixelsPerEmitter);
            double[] ex = new double[n];
            double[] ey = new double[n];
            for (int i = 0; i < n; i++) {
                ex[i] = r.nextDouble(margin, w - margin);
                ey[i] = r.nextDouble(margin, h - margin);
            }
            for (int f = 0; f < frames; f++) {
                int o = f * h * w;
                for (int i = 0; i < h * w; i++) {
                    d[o + i] = (float) background + (float) r.nextDouble(0, spread);
                }
                for (int i = 0; i < n; i++) {
                    if (r.nextDouble() >= onProbability) {
                        continue;
                    }
                    double b = brightnessSpread == 0 ? brightness
                            : brightness * (1 - brightnessSpread / 2 + brightnessSpread * r.nextDouble());
                    if (integrated) {
                        GaussianSpots.addIntegrated(d, o, h, w, ex[i], ey[i], sigma, b);
                    } else {
                        GaussianSpots.addSampled(d, o, h, w, ex[i], ey[i], sigma, b, 4);
                    }
                }
            }
            return new ImageStack(frames, h, w, d);
        }
    }
}
