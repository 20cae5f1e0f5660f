package org.flowscope.simulators.camera;

import org.apache.commons.math3.special.Erf;

/**
 * Adds a pixel-integrated 2-D Gaussian PSF to an image: an emitter of {@code n} photons at continuous position
 * (x, y) (pixel k spans [k, k+1)) deposits in pixel (r, c)
 * {@code n * Ix(c) * Iy(r)} with {@code Ix(c) = (erf((c + 1 - x) / (sqrt 2 sigma)) - erf((c - x) / (sqrt 2 sigma))) / 2},
 * i.e. the Gaussian integrated over the pixel's area. Pixels farther than 5 sigma are skipped (mass &lt; 6e-7).
 */
public final class PsfRenderer {
    private final double sigmaPx;
    private final int radius;
    private final double inv;

    public PsfRenderer(double sigmaPx) {
        if (!(sigmaPx > 0) || !Double.isFinite(sigmaPx)) {
            throw new IllegalArgumentException("PSF sigma must be > 0 px, got " + sigmaPx);
        }
        this.sigmaPx = sigmaPx;
        this.radius = (int) Math.ceil(5 * sigmaPx) + 1;
        this.inv = 1 / (Math.sqrt(2) * sigmaPx);
    }

    public double sigmaPx() {
        return sigmaPx;
    }

    /** Adds {@code photons} at (x, y) into {@code image} (row-major, width x height); parts outside are lost. */
    public void add(double[] image, int width, int height, double x, double y, double photons) {
        int c0 = Math.max(0, (int) Math.floor(x) - radius);
        int c1 = Math.min(width - 1, (int) Math.floor(x) + radius);
        int r0 = Math.max(0, (int) Math.floor(y) - radius);
        int r1 = Math.min(height - 1, (int) Math.floor(y) + radius);
        if (c0 > c1 || r0 > r1) {
            return;
        }
        double[] ix = weights(c0, c1, x);
        double[] iy = weights(r0, r1, y);
        for (int r = r0; r <= r1; r++) {
            double wy = photons * iy[r - r0];
            int row = r * width;
            for (int c = c0; c <= c1; c++) {
                image[row + c] += wy * ix[c - c0];
            }
        }
    }

    private double[] weights(int k0, int k1, double centre) {
        double[] w = new double[k1 - k0 + 1];
        double prev = Erf.erf((k0 - centre) * inv);
        for (int k = k0; k <= k1; k++) {
            double next = Erf.erf((k + 1 - centre) * inv);
            w[k - k0] = 0.5 * (next - prev);
            prev = next;
        }
        return w;
    }
}
