package org.flowscope.methods.esrrf;

import java.util.Objects;
import org.flowscope.methods.rgc.RgcParams;

/**
 * Parameters of {@link Esrrf}. The defaults ({@link #defaults()}) are NanoPyx's except for the geometry.
 *
 * @param magnification        output pixels per input pixel along each axis, integer 1..10
 * @param radius               PSF FWHM in input pixels, &gt; 0 (NanoPyx GUI: 0.1..3)
 * @param sensitivity          convergence exponent, &ge; 1 (1 = no change)
 * @param intensityWeighting   multiply the convergence by the magnified intensity
 * @param temporal             temporal statistic per time point
 * @param macroPixelCorrection divide each of the M&times;M sub-pixel phases by its mean
 * @param framesPerTimePoint   frames per output time point; 0 = all frames in one
 * @param geometry             sampling geometry; {@link Geometry#NANOPYX} reproduces NanoPyx
 */
public record EsrrfParams(int magnification, float radius, float sensitivity, boolean intensityWeighting,
        TemporalCorrelation temporal, boolean macroPixelCorrection, int framesPerTimePoint, Geometry geometry) {

    public EsrrfParams {
        if (magnification < 1 || magnification > RgcParams.MAX_MAGNIFICATION) {
            throw new IllegalArgumentException("magnification must be an integer in 1..10, got " + magnification);
        }
        if (!(radius > 0) || !Float.isFinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and > 0 input pixels, got " + radius);
        }
        if (!(sensitivity >= 1) || !Float.isFinite(sensitivity)) {
            throw new IllegalArgumentException("sensitivity must be finite and >= 1, got " + sensitivity);
        }
        Objects.requireNonNull(temporal, "temporal");
        Objects.requireNonNull(geometry, "geometry");
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("frames per time point must be >= 0 (0 = all), got " + framesPerTimePoint);
        }
    }

    /** Magnification 5, radius 1.5, sensitivity 1, intensity weighting, AVG, macro-pixel correction, centred. */
    public static EsrrfParams defaults() {
        return new EsrrfParams(5, 1.5f, 1f, true, TemporalCorrelation.AVG, true, 0, Geometry.CENTRED);
    }

    public EsrrfParams withMagnification(int m) {
        return new EsrrfParams(m, radius, sensitivity, intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public EsrrfParams withRadius(float r) {
        return new EsrrfParams(magnification, r, sensitivity, intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public EsrrfParams withSensitivity(float s) {
        return new EsrrfParams(magnification, radius, s, intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public EsrrfParams withIntensityWeighting(boolean on) {
        return new EsrrfParams(magnification, radius, sensitivity, on, temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public EsrrfParams withTemporal(TemporalCorrelation t) {
        return new EsrrfParams(magnification, radius, sensitivity, intensityWeighting, t, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public EsrrfParams withMacroPixelCorrection(boolean on) {
        return new EsrrfParams(magnification, radius, sensitivity, intensityWeighting, temporal, on, framesPerTimePoint, geometry);
    }

    public EsrrfParams withFramesPerTimePoint(int n) {
        return new EsrrfParams(magnification, radius, sensitivity, intensityWeighting, temporal, macroPixelCorrection, n, geometry);
    }

    public EsrrfParams withGeometry(Geometry g) {
        return new EsrrfParams(magnification, radius, sensitivity, intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, g);
    }

    /** The per-frame RGC parameters. */
    public RgcParams rgc() {
        return new RgcParams(magnification, radius, sensitivity, intensityWeighting);
    }

    /** Frames per block for a stack of {@code frames}: all of them when 0 or larger than the stack. */
    public int blockLength(int frames) {
        return framesPerTimePoint == 0 || framesPerTimePoint > frames ? frames : framesPerTimePoint;
    }

    /** Number of output time points, {@code ceil(frames / blockLength)}. */
    public int timePoints(int frames) {
        int b = blockLength(frames);
        return (frames + b - 1) / b;
    }
}
