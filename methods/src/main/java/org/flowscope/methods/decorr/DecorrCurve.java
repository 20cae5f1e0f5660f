package org.flowscope.methods.decorr;

/**
 * One decorrelation curve {@code d(r)} and its peak.
 *
 * @param pass     0 = unfiltered image, 1 = first (coarse) high-pass series, 2 = refined series
 * @param sigma    Gaussian sigma (px) of the high-pass filter {@code img - G_sigma * img}; 0 for the unfiltered curve
 * @param rmin     normalised frequency of the first sample
 * @param rmax     normalised frequency of the last sample
 * @param d        the curve, {@code n_r} samples evenly spaced on [rmin, rmax]
 * @param kc       normalised frequency of the peak (0 if none)
 * @param amplitude d at the peak
 */
public record DecorrCurve(int pass, double sigma, double rmin, double rmax, double[] d, double kc, double amplitude) {
    /** Normalised frequency of sample {@code k}. */
    public double radius(int k) {
        return rmin + (rmax - rmin) * k / (d.length - 1);
    }
}
