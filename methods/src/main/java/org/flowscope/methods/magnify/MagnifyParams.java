package org.flowscope.methods.magnify;

import java.util.Objects;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Parameters of {@link Magnify}.
 *
 * @param interpolator      the interpolator, a member of the family with spatial taps (e.g. one of
 *                          {@link InterpolatorChoice}'s); not FOURIER, which is the {@code magnify-fourier} operation
 * @param shiftRow          shift in input pixels; positive moves content down
 * @param shiftCol          shift in input pixels; positive moves content right
 * @param magnificationRow  output rows per input row (finite, &gt; 0, need not be an integer)
 * @param magnificationCol  output columns per input column (finite, &gt; 0, need not be an integer)
 * @param sampling          where output pixel {@code i} samples the input: {@link Sampling#NANOPYX} ({@code i/M}, in
 *                          float32 as NanoPyx) or {@link Sampling#CENTRED} ({@code (i + 0.5)/M})
 */
public record MagnifyParams(Interpolator interpolator, float shiftRow, float shiftCol, float magnificationRow,
        float magnificationCol, Sampling sampling) {
    public MagnifyParams {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(sampling, "sampling");
        if (!interpolator.kernel().spatial()) {
            throw new IllegalArgumentException("magnify needs a kernel with spatial taps, got " + interpolator.kernel()
                    + " (Fourier magnification is the magnify-fourier operation)");
        }
        if (!Float.isFinite(shiftRow) || !Float.isFinite(shiftCol)) {
            throw new IllegalArgumentException("shifts must be finite, got row=" + shiftRow + " col=" + shiftCol);
        }
        if (!(magnificationRow > 0) || !(magnificationCol > 0) || Float.isInfinite(magnificationRow)
                || Float.isInfinite(magnificationCol)) {
            throw new IllegalArgumentException("magnifications must be finite and > 0, got row=" + magnificationRow
                    + " col=" + magnificationCol);
        }
    }

    /** NanoPyx's geometry ({@link Sampling#NANOPYX}), as NanoPyx's {@code ShiftAndMagnify.run}. */
    public MagnifyParams(Interpolator interpolator, float shiftRow, float shiftCol, float magnificationRow,
            float magnificationCol) {
        this(interpolator, shiftRow, shiftCol, magnificationRow, magnificationCol, Sampling.NANOPYX);
    }

    /** A named interpolator in a geometry: the family member {@link InterpolatorChoice#interpolator} gives. */
    public static MagnifyParams of(InterpolatorChoice choice, Sampling geometry, float shiftRow, float shiftCol,
            float magnificationRow, float magnificationCol) {
        return new MagnifyParams(choice.interpolator(geometry), shiftRow, shiftCol, magnificationRow, magnificationCol,
                geometry);
    }

    /** NanoPyx's Catmull-Rom magnification by an integer factor without shift (the eSRRF step). */
    public static MagnifyParams catmullRom(int magnification) {
        return new MagnifyParams(Interpolator.NANOPYX_CATMULL_ROM, 0f, 0f, magnification, magnification);
    }

    /**
     * The input row sampled by output row {@code i}: {@code i/Mr - shiftRow} in float32 (NanoPyx) or
     * {@code (i + 0.5)/Mr - shiftRow} (centred), in continuous coordinates (pixel k centred at k + 0.5).
     */
    public double rowPosition(int i) {
        return position(i, magnificationRow, shiftRow);
    }

    /** The input column sampled by output column {@code j}, as {@link #rowPosition}. */
    public double colPosition(int j) {
        return position(j, magnificationCol, shiftCol);
    }

    private double position(int i, float m, float shift) {
        if (sampling == Sampling.NANOPYX) {
            // float32 throughout, as NanoPyx: (float) (i / M) - shift
            return (float) sampling.position(i, m) - shift;
        }
        return sampling.position(i, m) - shift;
    }
}
