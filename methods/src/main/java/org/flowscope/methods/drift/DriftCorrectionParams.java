package org.flowscope.methods.drift;

import java.util.Objects;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Parameters of {@link DriftCorrection}: the resampling kernel and what fills uncovered borders; the weights are
 * normalised to sum 1 ({@link org.flowscope.methods.numerics.interpolation.Interpolator#normalised}).
 */
public record DriftCorrectionParams(Kernel interpolator, Border border) {
    public DriftCorrectionParams {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(border, "border");
    }

    /** Lanczos-3, zero borders. */
    public static DriftCorrectionParams defaults() {
        return new DriftCorrectionParams(Kernel.LANCZOS3, Border.ZERO);
    }
}
