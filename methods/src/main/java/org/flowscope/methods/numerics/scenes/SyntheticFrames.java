package org.flowscope.methods.numerics.scenes;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;

/**
 * Seeded blinking-emitter frames for benchmarks and device checks: a background with noise and Gaussian spots
 * (sigma 1.3 px) that switch on at random, so that gradients, convergence and temporal statistics all vary. Never
 * all zero.
 */
public final class SyntheticFrames {
    private SyntheticFrames() {
    }

    /** {@code frames} frames of {@code height x width}, one spot per ~400 pixels, each on in ~30 % of the frames. */
    public static ImageStack blinking(int frames, int height, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[Math.multiplyExact(Math.multiplyExact(frames, height), width)];
        int spots = Math.max(2, height * width / 400);
        double[] sx = new double[spots];
        double[] sy = new double[spots];
        for (int i = 0; i < spots; i++) {
            sx[i] = r.nextDouble(0, width);
            sy[i] = r.nextDouble(0, height);
        }
        for (int f = 0; f < frames; f++) {
            int o = f * height * width;
            for (int i = 0; i < height * width; i++) {
                d[o + i] = 100 + (float) r.nextDouble(0, 10);
            }
            for (int s = 0; s < spots; s++) {
                if (r.nextDouble() > 0.3) {
                    continue;
                }
                int cx = (int) sx[s];
                int cy = (int) sy[s];
                for (int y = Math.max(0, cy - 4); y < Math.min(height, cy + 5); y++) {
                    for (int x = Math.max(0, cx - 4); x < Math.min(width, cx + 5); x++) {
                        double dx = x + 0.5 - sx[s];
                        double dy = y + 0.5 - sy[s];
                        d[o + y * width + x] += (float) (500 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.3 * 1.3)));
                    }
                }
            }
        }
        return new ImageStack(frames, height, width, d);
    }
}
