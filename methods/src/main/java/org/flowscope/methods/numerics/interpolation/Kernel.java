package org.flowscope.methods.numerics.interpolation;

/**
 * The one-dimensional interpolation kernels of the family, applied separably along rows and columns. A kernel only
 * says which samples (taps) around a position are read and with which weights; what happens at the image border and
 * whether the weights are normalised are the {@link Border} and {@link Normalisation} of an {@link Interpolator}.
 *
 * <p>Positions are in index units here: sample {@code k} sits at {@code p = k} (in image coordinates, where pixel
 * {@code k} has its centre at {@code k + 0.5}, {@code p = y - 0.5}). The taps of position {@code p} are
 * {@code firstTap(p) .. firstTap(p) + taps() - 1}; tap {@code k} has weight {@code weight(p - k)}.
 */
public enum Kernel {
    /** The sample whose pixel contains the position: weight 1 on {@code floor(p + 0.5)}, no blur. */
    NEAREST(1, 0),
    /** Bilinear, continuous weights (not quantised); smooths more than Catmull-Rom. */
    LINEAR(2, 0),
    /**
     * Catmull-Rom cubic convolution (Keys, a = -0.5) on 4 taps: exact for quadratics, weights sum to 1. NanoPyx's
     * eSRRF interpolator, and with {@link Normalisation#USED_TAPS} its "bicubic" (NanoPyx writes the same cubic as
     * Keys polynomials). As a shift its phase response moves sharp spots by up to ~0.016 px at quarter-pixel shifts
     * (beads of sigma 1.4 px, DriftCorrectionTest).
     */
    CATMULL_ROM(4, -1),
    /**
     * Lanczos with a = 3 on its full support of 6 taps: a closer approximation of the ideal (sinc) shift than
     * Catmull-Rom, position error under 0.005 px on 1.4 px-sigma beads (DriftCorrectionTest), six times below
     * OpenCV's 1/32 px grid. May ring slightly at hard edges. The default of drift correction and registration.
     */
    LANCZOS3(6, -2),
    /**
     * NanoPyx's Lanczos kernel: a = 4, but only the 5 taps {@code floor(p) - 2 .. floor(p) + 2} are read (spec
     * &sect;1.1), so the support is cut asymmetrically. Kept for NanoPyx parity.
     */
    LANCZOS4(5, -2),
    /**
     * Fourier phase ramp: exact for band-limited periodic content; content leaving one edge re-enters at the
     * opposite edge, so use it on images with a flat background at the borders. It has no spatial taps, so it only
     * shifts whole images ({@link Interpolator#shift}).
     */
    FOURIER(0, 0);

    private final int taps;
    private final int first;

    Kernel(int taps, int first) {
        this.taps = taps;
        this.first = first;
    }

    /** Number of samples read per axis (0 for {@link #FOURIER}). */
    public int taps() {
        return taps;
    }

    /**
     * Whether the weights of the taps of any position sum to 1 by construction (nearest, linear, Catmull-Rom): then
     * {@link Normalisation#UNIT_SUM} leaves them as they are, since dividing by their sum would only move last bits.
     */
    public boolean sumsToOne() {
        return this == NEAREST || this == LINEAR || this == CATMULL_ROM;
    }

    /** Whether the kernel has spatial taps (every kernel but {@link #FOURIER}). */
    public boolean spatial() {
        return this != FOURIER;
    }

    /** Index of the first tap read at index-space position {@code p}. */
    public int firstTap(double p) {
        return this == NEAREST ? (int) Math.floor(p + 0.5) : (int) Math.floor(p) + first;
    }

    /** The weight of a tap at distance {@code t} (index units) from the position. */
    public double weight(double t) {
        return switch (this) {
            case NEAREST -> t >= -0.5 && t < 0.5 ? 1 : 0;
            case LINEAR -> Math.max(0, 1 - Math.abs(t));
            case CATMULL_ROM -> catmullRom(t);
            case LANCZOS3 -> lanczos(t, 3);
            case LANCZOS4 -> lanczos(t, 4);
            case FOURIER -> throw new IllegalArgumentException("FOURIER has no spatial kernel");
        };
    }

    /** Fills {@code out[0 .. taps())} with the weights of the taps of position {@code p}; returns the first tap. */
    int weights(double p, double[] out) {
        int k0 = firstTap(p);
        for (int t = 0; t < taps; t++) {
            out[t] = weight(p - (k0 + t));
        }
        return k0;
    }

    /** Keys' cubic convolution with a = -0.5: support (-2, 2), K(0) = 1, K(+-1) = 0. */
    private static double catmullRom(double v) {
        double a = Math.abs(v);
        if (a < 1) {
            return a * a * (1.5 * a - 2.5) + 1;
        }
        if (a < 2) {
            return ((-0.5 * a + 2.5) * a - 4) * a + 2;
        }
        return 0;
    }

    /** {@code sinc(t) sinc(t/a)} for |t| &lt; a, 0 beyond; 1 within 1e-12 of 0, where the quotient would underflow. */
    private static double lanczos(double t, int a) {
        if (Math.abs(t) < 1e-12) {
            return 1;
        }
        if (Math.abs(t) >= a) {
            return 0;
        }
        double pt = Math.PI * t;
        return a * Math.sin(pt) * Math.sin(pt / a) / (pt * pt);
    }
}
