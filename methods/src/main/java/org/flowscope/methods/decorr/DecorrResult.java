package org.flowscope.methods.decorr;

import java.util.List;

/**
 * The outcome of a decorrelation analysis.
 *
 * @param resolutionPx {@code 2 / kcMax} pixels; NaN when no curve has a peak
 * @param resolutionNm the same in nm, NaN when the pixel size is unknown or there is no peak
 * @param kcMax        highest peak frequency of the refined series, normalised (1 = Nyquist)
 * @param amplitudeMax d at that peak
 * @param curves       the unfiltered curve (pass 0) then both high-pass series (passes 1 and 2)
 */
public record DecorrResult(double resolutionPx, double resolutionNm, double kcMax, double amplitudeMax, List<DecorrCurve> curves) {
    public DecorrResult {
        curves = List.copyOf(curves);
    }

    /** The unfiltered curve d0. */
    public DecorrCurve d0() {
        return curves.get(0);
    }
}
