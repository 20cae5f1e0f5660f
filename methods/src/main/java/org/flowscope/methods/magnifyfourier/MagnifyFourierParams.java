package org.flowscope.methods.magnifyfourier;

import java.util.Objects;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Parameters of {@link MagnifyFourier}.
 *
 * @param magnification output pixels per input pixel along both axes, an integer &ge; 1 (zero padding of the
 *                      spectrum makes the output grid an integer refinement of the input's)
 * @param geometry      {@link Sampling#NANOPYX}: NanoPyx's Fourier interpolation exactly (no shift possible);
 *                      {@link Sampling#CENTRED}: sampled at output pixel centres, with a shift
 * @param shiftRow      shift in input pixels, positive moves content down (centred geometry only)
 * @param shiftCol      shift in input pixels, positive moves content right (centred geometry only)
 */
public record MagnifyFourierParams(int magnification, Sampling geometry, float shiftRow, float shiftCol) {
    public MagnifyFourierParams {
        Objects.requireNonNull(geometry, "geometry");
        if (magnification < 1) {
            throw new IllegalArgumentException("Fourier magnification must be an integer >= 1, got " + magnification);
        }
        if (!Float.isFinite(shiftRow) || !Float.isFinite(shiftCol)) {
            throw new IllegalArgumentException("shifts must be finite, got row=" + shiftRow + " col=" + shiftCol);
        }
        if (geometry == Sampling.NANOPYX && (shiftRow != 0 || shiftCol != 0)) {
            throw new IllegalArgumentException("NanoPyx's Fourier interpolation has no shift; use --geometry centred to"
                    + " shift, got row=" + shiftRow + " col=" + shiftCol);
        }
    }

    /**
     * The parameters for magnifications given as floats, as the command line gives them: both must be the same
     * integer; IllegalArgumentException naming them otherwise.
     */
    public static MagnifyFourierParams of(float magnificationRow, float magnificationCol, Sampling geometry,
            float shiftRow, float shiftCol) {
        if (magnificationRow != magnificationCol || magnificationRow != Math.rint(magnificationRow)
                || !(magnificationRow >= 1) || magnificationRow > 1000) {
            throw new IllegalArgumentException("fourier interpolation needs one integer magnification >= 1 for both axes"
                    + " (zero padding of the spectrum), got rows x" + magnificationRow + ", cols x" + magnificationCol);
        }
        return new MagnifyFourierParams((int) magnificationRow, geometry, shiftRow, shiftCol);
    }
}
