package org.flowscope.methods.transform;

import java.util.Objects;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Parameters of {@link Transform}.
 *
 * @param interpolator a member of the interpolation family with spatial taps
 * @param geometry     {@link Sampling#NANOPYX}: NanoPyx's integer pixel coordinates and centre {@code (H div 2,
 *                     W div 2)}; {@link Sampling#CENTRED}: pixel centres and the image's true centre {@code (H/2, W/2)}
 * @param shiftRow     shift in input pixels, positive moves content down
 * @param shiftCol     shift in input pixels, positive moves content right
 * @param scaleRow     zoom along rows (finite, &gt; 0; 2 shows the content twice as large)
 * @param scaleCol     zoom along columns (finite, &gt; 0)
 * @param angle        rotation about the centre in radians (finite; NanoPyx: positive is counter-clockwise)
 */
public record TransformParams(Interpolator interpolator, Sampling geometry, float shiftRow, float shiftCol,
        float scaleRow, float scaleCol, float angle) {
    public TransformParams {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(geometry, "geometry");
        if (!interpolator.kernel().spatial()) {
            throw new IllegalArgumentException("transform needs a kernel with spatial taps, got " + interpolator.kernel()
                    + " (a Fourier interpolation cannot rotate)");
        }
        if (!Float.isFinite(shiftRow) || !Float.isFinite(shiftCol)) {
            throw new IllegalArgumentException("shifts must be finite, got row=" + shiftRow + " col=" + shiftCol);
        }
        if (!(scaleRow > 0) || !(scaleCol > 0) || Float.isInfinite(scaleRow) || Float.isInfinite(scaleCol)) {
            throw new IllegalArgumentException("scales must be finite and > 0, got row=" + scaleRow + " col=" + scaleCol);
        }
        if (!Float.isFinite(angle)) {
            throw new IllegalArgumentException("angle must be finite (radians), got " + angle);
        }
    }

    /** A named interpolator in a geometry ({@link InterpolatorChoice#interpolator}). */
    public static TransformParams of(InterpolatorChoice choice, Sampling geometry, float shiftRow, float shiftCol,
            float scaleRow, float scaleCol, float angle) {
        if (!choice.spatial()) {
            throw new IllegalArgumentException("transform needs a spatial interpolator (" + InterpolatorChoice.names()
                    .replace("|fourier", "") + "), got " + choice + ": a Fourier interpolation cannot rotate");
        }
        return new TransformParams(choice.interpolator(geometry), geometry, shiftRow, shiftCol, scaleRow, scaleCol, angle);
    }

    /**
     * The inverse map of an {@code h x w} image in float32, as NanoPyx computes it (spec &sect;1.3): with
     * {@code a = cos/Sc, b = -sin/Sc, c = sin/Sr, d = cos/Sr}, output pixel (i, j) samples
     * {@code x = a u + b v + cc}, {@code y = c u + d v + cr} where {@code u = j' - cc - shiftCol},
     * {@code v = i' - cr - shiftRow}; NanoPyx: {@code (i', j') = (i, j)}, {@code (cr, cc) = (H div 2, W div 2)};
     * centred: {@code (i', j') = (i + 0.5, j + 0.5)}, {@code (cr, cc) = (H/2, W/2)}.
     */
    public Mapping mapping(int h, int w) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float cr = geometry == Sampling.NANOPYX ? (float) (h / 2) : h / 2f;
        float cc = geometry == Sampling.NANOPYX ? (float) (w / 2) : w / 2f;
        float half = geometry == Sampling.NANOPYX ? 0f : 0.5f;
        return new Mapping((float) (cos / scaleCol), (float) (-sin / scaleCol), (float) (sin / scaleRow),
                (float) (cos / scaleRow), cr, cc, half, shiftRow, shiftCol);
    }

    /** The float32 coefficients of {@link #mapping}. */
    public record Mapping(float a, float b, float c, float d, float cr, float cc, float half, float shiftRow,
            float shiftCol) {
        /** {@code u} of output column {@code j}. */
        public float u(int j) {
            return j + half - cc - shiftCol;
        }

        /** {@code v} of output row {@code i}. */
        public float v(int i) {
            return i + half - cr - shiftRow;
        }

        /** The input column sampled by output pixel (i, j), in float32 (Java does not fuse). */
        public float x(int i, int j) {
            return a * u(j) + b * v(i) + cc;
        }

        /** The input row sampled by output pixel (i, j), in float32. */
        public float y(int i, int j) {
            return c * u(j) + d * v(i) + cr;
        }
    }
}
