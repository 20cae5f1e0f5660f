package org.flowscope.methods.drift;

import java.util.Objects;

/** Parameters of {@link DriftCorrection}: the resampling kernel and what fills uncovered borders. */
public record DriftCorrectionParams(Interpolator interpolator, Border border) {
    public DriftCorrectionParams {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(border, "border");
    }

    /** Catmull-Rom, zero borders. */
    public static DriftCorrectionParams defaults() {
        return new DriftCorrectionParams(Interpolator.CATMULL_ROM, Border.ZERO);
    }
}
