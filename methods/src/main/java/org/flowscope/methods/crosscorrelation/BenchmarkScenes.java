package org.flowscope.methods.crosscorrelation;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.shift.Border;
import org.flowscope.methods.shift.Interpolator;
import org.flowscope.methods.shift.SubPixelShift;

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
            double a = 200 + 800 * r.nextDouble();
            for (int y = (int) Math.max(0, cy - 6); y <= Math.min(h - 1, cy + 6); y++) {
                for (int x = (int) Math.max(0, cx - 6); x <= Math.min(w - 1, cx + 6); x++) {
                    double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
                    base[y * w + x] += (float) (a * Math.exp(-d2 / 4.5));
                }
            }
        }
        float[] data = new float[Math.multiplyExact(frames, h * w)];
        double dx = 0;
        double dy = 0;
        for (int t = 0; t < frames; t++) {
            SubPixelShift.shift(base, 0, h, w, dx, dy, Interpolator.LANCZOS3, Border.NEAREST, data, t * h * w);
            for (int i = t * h * w; i < (t + 1) * h * w; i++) {
                data[i] += (float) (50 + 5 * (r.nextDouble() - 0.5));
            }
            dx += 0.1 * (r.nextDouble() - 0.4);
            dy += 0.1 * (r.nextDouble() - 0.6);
        }
        return new ImageStack(frames, h, w, data);
    }
}
