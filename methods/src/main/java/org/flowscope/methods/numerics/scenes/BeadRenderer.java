package org.flowscope.methods.numerics.scenes;

import java.util.Random;
import org.flowscope.core.image.ImageStack;

/**
 * Seeded scenes for drift, registration and cross-correlation accuracy tests: Gaussian beads integrated over each
 * pixel (pixel k covers [k, k+1)), a flat background and optional shot-like noise. Each frame renders the same bead
 * set displaced by that frame's (dx, dy), so content enters and leaves the field of view as on a real camera, and no
 * interpolation error is baked into the input (unlike {@link BenchmarkScenes}, which shifts one rendered image).
 */
public final class BeadRenderer {
    private final double[] bx;
    private final double[] by;
    private final double[] amp;
    private final double sigma;

    public BeadRenderer(long seed, int beads, int h, int w, double sigma, int margin) {
        this(seed, beads, h, w, sigma, margin, 1);
    }

    /** @param brightness multiplies the bead amplitudes (500-2000 photons each at 1) */
    public BeadRenderer(long seed, int beads, int h, int w, double sigma, int margin, double brightness) {
        Random r = new Random(seed);
        bx = new double[beads];
        by = new double[beads];
        amp = new double[beads];
        for (int i = 0; i < beads; i++) {
            bx[i] = -margin + r.nextDouble() * (w + 2 * margin);
            by[i] = -margin + r.nextDouble() * (h + 2 * margin);
            amp[i] = brightness * (500 + 1500 * r.nextDouble());
        }
        this.sigma = sigma;
    }

    /** One frame with content displaced by (dx, dy); noise when {@code noise} is not null. */
    public float[] render(int h, int w, double dx, double dy, double background, Random noise) {
        return render(h, w, (x, y) -> new double[] {dx, dy}, background, noise);
    }

    /** A displacement (dx, dy) as a function of a bead's undisplaced position (x, y). */
    public interface Field {
        double[] at(double x, double y);
    }

    /** One frame where each bead is displaced by {@code field} evaluated at its own position. */
    public float[] render(int h, int w, Field field, double background, Random noise) {
        float[] img = new float[h * w];
        for (int i = 0; i < bx.length; i++) {
            double[] d = field.at(bx[i], by[i]);
            GaussianSpots.addIntegrated(img, 0, h, w, bx[i] + d[0], by[i] + d[1], sigma, amp[i]);
        }
        for (int i = 0; i < img.length; i++) {
            double v = img[i] + background;
            if (noise != null) {
                v += Math.sqrt(v) * noise.nextGaussian();
            }
            img[i] = (float) v;
        }
        return img;
    }

    /** A stack whose frame t is displaced by (dx[t], dy[t]). */
    public ImageStack stack(int h, int w, double[] dx, double[] dy, double background, Random noise) {
        float[] data = new float[dx.length * h * w];
        for (int t = 0; t < dx.length; t++) {
            System.arraycopy(render(h, w, dx[t], dy[t], background, noise), 0, data, t * h * w, h * w);
        }
        return new ImageStack(dx.length, h, w, data);
    }
}
