package org.flowscope.methods.decorr;

/**
 * Parameters of a decorrelation analysis (NanoPyx {@code calculate_decorr_analysis}, documented ranges enforced).
 *
 * @param rmin        lowest normalised frequency analysed, in [0, rmax) (1 = Nyquist)
 * @param rmax        highest normalised frequency analysed, in (rmin, 1]
 * @param nr          samples of each d(r) curve, in [10, 100]
 * @param ng          high-pass filtered images per pass, in [5, 40]
 * @param pixelSizeNm pixel size in nm, or NaN when unknown
 */
public record DecorrParams(double rmin, double rmax, int nr, int ng, double pixelSizeNm) {
    public DecorrParams {
        if (!(rmin >= 0 && rmin < rmax && rmax <= 1)) {
            throw new IllegalArgumentException("decorrelation needs 0 <= rmin < rmax <= 1, got rmin=" + rmin + " rmax=" + rmax);
        }
        if (nr < 10 || nr > 100) {
            throw new IllegalArgumentException("decorrelation curve sampling n_r must be in [10, 100], got " + nr);
        }
        if (ng < 5 || ng > 40) {
            throw new IllegalArgumentException("number of high-pass images n_g must be in [5, 40], got " + ng);
        }
        if (!Double.isNaN(pixelSizeNm) && !(pixelSizeNm > 0 && Double.isFinite(pixelSizeNm))) {
            throw new IllegalArgumentException("pixel size must be a positive number of nm (or NaN if unknown), got " + pixelSizeNm);
        }
    }

    /** NanoPyx's defaults: rmin 0, rmax 1, n_r 50, n_g 10, pixel size unknown. */
    public static DecorrParams defaults() {
        return new DecorrParams(0, 1, 50, 10, Double.NaN);
    }

    public DecorrParams withPixelSize(double nm) {
        return new DecorrParams(rmin, rmax, nr, ng, nm);
    }

    public boolean hasPixelSize() {
        return !Double.isNaN(pixelSizeNm);
    }
}
