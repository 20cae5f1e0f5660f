package org.flowscope.methods.rgc;

/**
 * Parameters of {@link Rgc}.
 *
 * @param magnification      output pixels per input pixel along each axis, integer 1..10
 * @param radius             PSF full width at half maximum in input pixels, &gt; 0 (the eSRRF "radius")
 * @param sensitivity        exponent applied to the convergence; values &le; 1 leave it unchanged (NanoPyx)
 * @param intensityWeighting multiply the convergence by the magnified intensity
 */
public record RgcParams(int magnification, float radius, float sensitivity, boolean intensityWeighting) {
    public static final int MAX_MAGNIFICATION = 10;

    public RgcParams {
        if (magnification < 1 || magnification > MAX_MAGNIFICATION) {
            throw new IllegalArgumentException("magnification must be an integer in 1..10, got " + magnification);
        }
        if (!(radius > 0) || !Float.isFinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and > 0 input pixels, got " + radius);
        }
        if (!Float.isFinite(sensitivity) || sensitivity <= 0) {
            throw new IllegalArgumentException("sensitivity must be finite and > 0, got " + sensitivity);
        }
    }

    /** Gaussian sigma of the distance weight, {@code radius / 2.355} (input pixels). */
    public float sigma() {
        return radius / 2.355f;
    }

    /** {@code 2 sigma^2}, the distance weight's denominator. */
    public float tSS() {
        float s = sigma();
        return 2 * s * s;
    }

    /** Distance cut-off {@code 2 sigma + 1} (input pixels). */
    public float tSO() {
        return 2 * sigma() + 1;
    }

    /** Half-width {@code n = trunc(2 radius)} of the sample lattice in half-pixel steps: samples {@code -n..n}. */
    public int latticeHalfWidth() {
        return (int) (Rgc.GRADIENT_OVERSAMPLING * radius);
    }
}
