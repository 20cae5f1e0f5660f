package org.flowscope.methods.frc;

import java.util.Objects;

/**
 * Parameters of a Fourier ring correlation.
 *
 * @param pixelSizeNm pixel size in nm, or NaN when unknown (then only the resolution in pixels is reported)
 * @param convention  frequency-axis and crossing convention (see {@link FrcConvention})
 */
public record FrcParams(double pixelSizeNm, FrcConvention convention) {
    public FrcParams {
        Objects.requireNonNull(convention, "convention");
        if (!Double.isNaN(pixelSizeNm) && !(pixelSizeNm > 0 && Double.isFinite(pixelSizeNm))) {
            throw new IllegalArgumentException("pixel size must be a positive number of nm (or NaN if unknown), got " + pixelSizeNm);
        }
    }

    /** Standard convention, pixel size unknown. */
    public static FrcParams defaults() {
        return new FrcParams(Double.NaN, FrcConvention.STANDARD);
    }

    public FrcParams withPixelSize(double nm) {
        return new FrcParams(nm, convention);
    }

    public FrcParams withConvention(FrcConvention c) {
        return new FrcParams(pixelSizeNm, c);
    }

    public boolean hasPixelSize() {
        return !Double.isNaN(pixelSizeNm);
    }
}
