package org.flowscope.methods.numerics.scenes;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Seeded benchmark work for the drift operations: Gaussian spots (sigma 1.5 px, one per 300 px) on a flat
 * background, moved along a random walk (about 0.1 px per frame, Lanczos-3) with additive noise. Real enough that
 * peak searches converge as on bead data; never all zero.
 */
public final class BenchmarkScenes {
    private BenchmarkScenes() {
    }

    /** {@code frames} frames of h x w; frame 0 is the undisplaced scene. */
    public static ImageStack drifting(int frames, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] base = new float[h * w];
        int spots = Math.max(1, h * w / 300);
        for (int b = 0; b < spots; b++) {
            double cx = r.nextDouble() * w;
            double cy = r.nextDouble() * h;
            GaussianSpots.addSampled(base, 0, h, w, cx, cy, 1.5, 200 + 800 * r.nextDouble(), 6);
        }
        float[] data = new float[Math.multiplyExact(frames, h * w)];
        double dx = 0;
        double dy = 0;
        Interpolator lanczos = Interpolator.normalised(Kernel.LANCZOS3, Border.NEAREST);
        for (int t = 0; t < frames; t++) {
            lanczos.shift(base, 0, h, w, dx, dy, data, t * h * w);
            for (int i = t * h * w; i < (t + 1) * h * w; i++) {
                data[i] += (float) (50 + 5 * (r.nextDouble() - 0.5));
            }
            dx += 0.1 * (r.nextDouble() - 0.4);
            dy += 0.1 * (r.nextDouble() - 0.6);
        }
        return new ImageStack(frames, h, w, data);
    }
}
