package org.flowscope.methods.drift;

import java.util.Objects;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;

/**
 * Parameters of {@link DriftEstimator}.
 *
 * @param reference     what drift is measured against
 * @param timeAveraging frames averaged per block (1 = every frame measured); per-frame drift is interpolated
 *                      between block centres with a natural cubic spline
 * @param maxShiftPx    largest drift per axis in pixels that the search considers (for PREVIOUS: per block
 *                      step); 0 = no limit (half the image)
 * @param pixelSizeNm   pixel size in nanometres for the nm columns; 0 = unknown
 */
public record DriftParams(DriftReference reference, int timeAveraging, double maxShiftPx, double pixelSizeNm) {
    public DriftParams {
        Objects.requireNonNull(reference, "reference");
        if (timeAveraging < 1) {
            throw new IllegalArgumentException("timeAveraging must be >= 1 frame, got " + timeAveraging);
        }
        if (!(maxShiftPx >= 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("maxShiftPx must be a finite number >= 0 (0 = no limit), got " + maxShiftPx);
        }
        if (!(pixelSizeNm >= 0) || Double.isInfinite(pixelSizeNm)) {
            throw new IllegalArgumentException("pixelSizeNm must be >= 0 (0 = unknown), got " + pixelSizeNm);
        }
    }

    /** First frame, every frame, no limit, unknown pixel size. */
    public static DriftParams defaults() {
        return new DriftParams(DriftReference.FIRST, 1, 0, 0);
    }

    /** The cross-correlation parameters each block is measured with. */
    public CrossCorrelationParams ccmParams() {
        return new CrossCorrelationParams(maxShiftPx, false);
    }
}
