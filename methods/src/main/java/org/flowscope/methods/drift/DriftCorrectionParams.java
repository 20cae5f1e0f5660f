package org.flowscope.methods.drift;

import java.util.Objects;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/** Parameters of {@link DriftCorrection}: the resampling kernel and what fills uncovered borders. */
public record DriftCorrectionParams(Interpolator interpolator, Border border) {
    public DriftCorrectionParams {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(border, "border");
    }

    /** Lanczos-3, zero borders. */
    public static DriftCorrectionParams defaults() {
        return new DriftCorrectionParams(Interpolator.LANCZOS3, Border.ZERO);
    }
}
