package org.flowscope.testkit;

import java.util.Random;
import org.flowscope.core.image.ImageStack;

/** Seeded test stacks of Gaussian spots that drift: the scene of the drift tests in several modules. */
public final class DriftingSpots {
    private DriftingSpots() {
    }

    /** 40 Gaussian spots (sigma 1.5 px, peak 1000) displaced by (dx[t], dy[t]) in frame t; pixel k is centred at k + 0.5. */
    public static ImageStack render(int h, int w, double[] dx, double[] dy, long seed) {
        Random r = new Random(seed);
        int n = 40;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * w;
            y[i] = r.nextDouble() * h;
        }
        float[] data = new float[dx.length * h * w];
        for (int t = 0; t < dx.length; t++) {
            for (int i = 0; i < n; i++) {
                double cx = x[i] + dx[t];
                double cy = y[i] + dy[t];
                for (int py = Math.max(0, (int) cy - 6); py < Math.min(h, (int) cy + 7); py++) {
                    for (int px = Math.max(0, (int) cx - 6); px < Math.min(w, (int) cx + 7); px++) {
                        double d2 = Math.pow(px + 0.5 - cx, 2) + Math.pow(py + 0.5 - cy, 2);
                        data[(t * h + py) * w + px] += (float) (1000 * Math.exp(-d2 / 4.5));
                    }
                }
            }
        }
        return new ImageStack(dx.length, h, w, data);
    }
}
