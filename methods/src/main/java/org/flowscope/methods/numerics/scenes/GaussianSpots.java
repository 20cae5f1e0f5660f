package org.flowscope.methods.numerics.scenes;

import org.apache.commons.math3.special.Erf;

/**
 * Adds Gaussian spots to an image, the one renderer behind every synthetic scene. Continuous coordinates: pixel
 * {@code k} covers {@code [k, k+1)} and has its centre at {@code k + 0.5} (as the simulator's ground truth).
 */
public final class GaussianSpots {
    private GaussianSpots() {
    }

    /**
     * Adds {@code amplitude * exp(-d^2 / (2 sigma^2))} sampled at pixel centres, {@code d} the distance to (x, y),
     * over the pixels within {@code halfWidth} rows and columns of the pixel containing (x, y): a cheap spot for
     * benchmark scenes, truncated where it is small.
     */
    public static void addSampled(float[] img, int off, int h, int w, double x, double y, double sigma,
            double amplitude, int halfWidth) {
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        for (int r = Math.max(0, cy - halfWidth); r <= Math.min(h - 1, cy + halfWidth); r++) {
            for (int c = Math.max(0, cx - halfWidth); c <= Math.min(w - 1, cx + halfWidth); c++) {
                double dx = c + 0.5 - x;
                double dy = r + 0.5 - y;
                img[off + r * w + c] += (float) (amplitude * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            }
        }
    }

    /**
     * Adds an emitter of {@code photons} at (x, y) whose Gaussian profile is integrated over each pixel, so the
     * image holds exactly what a camera pixel collects (up to 5 sigma from the centre): the ground-truth renderer of
     * accuracy tests. Each pixel gets {@code photons * Ix(c) * Iy(r)},
     * {@code Ix(c) = (erf((c + 1 - x) / (sqrt 2 sigma)) - erf((c - x) / (sqrt 2 sigma))) / 2}.
     */
    public static void addIntegrated(float[] img, int off, int h, int w, double x, double y, double sigma,
            double photons) {
        double s = sigma * Math.sqrt(2);
        int x0 = (int) Math.max(0, Math.floor(x - 5 * sigma));
        int x1 = (int) Math.min(w - 1, Math.ceil(x + 5 * sigma));
        int y0 = (int) Math.max(0, Math.floor(y - 5 * sigma));
        int y1 = (int) Math.min(h - 1, Math.ceil(y + 5 * sigma));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        double[] wx = new double[x1 - x0 + 1];
        for (int c = x0; c <= x1; c++) {
            wx[c - x0] = 0.5 * (Erf.erf((c + 1 - x) / s) - Erf.erf((c - x) / s));
        }
        for (int r = y0; r <= y1; r++) {
            double wy = 0.5 * (Erf.erf((r + 1 - y) / s) - Erf.erf((r - y) / s));
            for (int c = x0; c <= x1; c++) {
                img[off + r * w + c] += (float) (photons * wy * wx[c - x0]);
            }
        }
    }
}
