package org.flowscope.methods.magnify;

import java.util.Objects;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/**
 * Parameters of {@link Magnify}.
 *
 * @param interpolator      the interpolator, usually one of NanoPyx's ({@link Interpolator#nanopyx}); not FOURIER
 * @param shiftRow          shift in input pixels; positive moves content down
 * @param shiftCol          shift in input pixels; positive moves content right
 * @param magnificationRow  output rows per input row (&gt; 0)
 * @param magnificationCol  output columns per input column (&gt; 0)
 */
public record MagnifyParams(
        Interpolator interpolator, float shiftRow, float shiftCol, float magnificationRow, float magnificationCol) {
    public MagnifyParams {
        Objects.requireNonNull(interpolator, "interpolator");
        if (!interpolator.kernel().spatial()) {
            throw new IllegalArgumentException("magnify needs a kernel with spatial taps, got " + interpolator.kernel());
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

    /** NanoPyx's Catmull-Rom magnification by an integer factor without shift (the eSRRF step). */
    public static MagnifyParams catmullRom(int magnification) {
        return new MagnifyParams(Interpolator.NANOPYX_CATMULL_ROM, 0f, 0f, magnification, magnification);
    }
}
