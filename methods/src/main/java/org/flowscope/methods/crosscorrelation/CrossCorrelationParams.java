package org.flowscope.methods.crosscorrelation;

/**
 * Parameters of {@link CrossCorrelation}.
 *
 * @param maxShiftPx   largest |shift| per axis, in pixels, searched for the maximum; 0 = no limit (half the image)
 * @param refinePasses re-correlations after undoing the current estimate (0 = the plain map maximum; 1, the default, removes
 *                     the pull of content crossing the image edges, see {@link CrossCorrelation})
 * @param smoothingPx  sigma in pixels of a Gaussian low-pass on the cross-power spectrum (the map is smoothed by
 *                     it); suppresses noise-only high frequencies, cannot move a symmetric peak; 0 = none
 * @param keepMaps     whether to return the normalised maps as well as the peaks (costs frames*h*w floats)
 */
public record CrossCorrelationParams(double maxShiftPx, int refinePasses, double smoothingPx, boolean keepMaps) {
    /** Refinement passes used by default. */
    public static final int DEFAULT_REFINE_PASSES = 1;
    /** Default low-pass sigma in pixels: halves the error on noisy bead frames (PSF sigma 1.5 px). */
    public static final double DEFAULT_SMOOTHING_PX = 1.0;

    public CrossCorrelationParams {
        if (!(maxShiftPx >= 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("maxShiftPx must be a finite number >= 0 (0 = no limit), got " + maxShiftPx);
        }
        if (!(smoothingPx >= 0) || smoothingPx > 20) {
            throw new IllegalArgumentException("smoothingPx must be in [0, 20] pixels, got " + smoothingPx);
        }
        if (refinePasses < 0 || refinePasses > 10) {
            throw new IllegalArgumentException("refinePasses must be in [0, 10], got " + refinePasses);
        }
    }

    public CrossCorrelationParams(double maxShiftPx, boolean keepMaps) {
        this(maxShiftPx, DEFAULT_REFINE_PASSES, DEFAULT_SMOOTHING_PX, keepMaps);
    }

    /** Peaks only, no shift limit, default refinement. */
    public static CrossCorrelationParams peaksOnly() {
        return new CrossCorrelationParams(0, false);
    }
}
