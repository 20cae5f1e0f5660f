package org.flowscope.methods.nlm;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;

/**
 * Seeded test and benchmark images for the NLM operations, like NanoPyx's {@code nlm256} reference input: a piecewise
 * smooth scene in [0, 1] (a slow gradient, a few rectangles and discs, thin lines) plus Gaussian noise of standard
 * deviation {@value #NOISE_SIGMA}, so that patches repeat (what NLM exploits) and the early exit of the classic
 * algorithm fires at some candidates and not at others.
 */
public final class NlmScenes {
    /** Standard deviation of the added noise, in grey levels. */
    public static final double NOISE_SIGMA = 0.1;
    /** NanoPyx's default cut-off, which suits this scene's grey levels. */
    public static final float H = 0.1f;

    private NlmScenes() {
    }

    /** {@code frames} noisy {@code height} &times; {@code width} scenes; each frame has its own shapes and noise. */
    public static ImageStack noisyPiecewise(int frames, int height, int width, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[Math.multiplyExact(Math.multiplyExact(frames, height), width)];
        for (int f = 0; f < frames; f++) {
            int base = f * height * width;
            double gx = rnd.nextDouble(-0.2, 0.2);
            double gy = rnd.nextDouble(-0.2, 0.2);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    px[base + r * width + c] = (float) (0.3 + gx * c / width + gy * r / height);
                }
            }
            int shapes = 3 + rnd.nextInt(4);
            for (int k = 0; k < shapes; k++) {
                float level = (float) rnd.nextDouble(0.2, 0.7);
                int r0 = rnd.nextInt(height);
                int c0 = rnd.nextInt(width);
                int rr = 1 + rnd.nextInt(Math.max(1, height / 4));
                int cr = 1 + rnd.nextInt(Math.max(1, width / 4));
                boolean disc = rnd.nextBoolean();
                for (int r = Math.max(0, r0 - rr); r < Math.min(height, r0 + rr); r++) {
                    for (int c = Math.max(0, c0 - cr); c < Math.min(width, c0 + cr); c++) {
                        double u = (r - r0) / (double) rr;
                        double v = (c - c0) / (double) cr;
                        if (!disc || u * u + v * v <= 1) {
                            px[base + r * width + c] = level;
                        }
                    }
                }
            }
            int lines = 2 + rnd.nextInt(3);
            for (int k = 0; k < lines; k++) {
                boolean horizontal = rnd.nextBoolean();
                int at = rnd.nextInt(horizontal ? height : width);
                for (int i = 0; i < (horizontal ? width : height); i++) {
                    px[base + (horizontal ? at * width + i : i * width + at)] = 0.95f;
                }
            }
            for (int i = 0; i < height * width; i++) {
                px[base + i] += (float) (NOISE_SIGMA * gaussian(rnd));
            }
        }
        return new ImageStack(frames, height, width, px);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller with a seeded generator (java.util.Random's nextGaussian would need another object)
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
