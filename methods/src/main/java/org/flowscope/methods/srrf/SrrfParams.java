package org.flowscope.methods.srrf;

import java.util.Objects;

/**
 * Parameters of {@link Srrf}. The defaults ({@link #defaults()}) are NanoPyx's except the geometry.
 *
 * @param magnification        output pixels per input pixel along each axis, integer 1..10
 * @param ringRadius           radius of the ring of gradient samples, in input pixels, &gt; 0 (NanoPyx: 0.5)
 * @param border               input pixels left 0 along each edge, &ge; 0
 * @param positivityConstraint clip negative radiality to 0
 * @param intensityWeighting   multiply the radiality by the magnified intensity
 * @param macroPixelCorrection divide each of the M&times;M sub-pixel phases by its mean
 * @param temporal             temporal analysis per time point
 * @param framesPerTimePoint   frames per output time point; 0 = all frames in one
 * @param geometry             sampling geometry; {@link Geometry#NANOPYX} reproduces NanoPyx
 */
public record SrrfParams(int magnification, float ringRadius, int border, boolean positivityConstraint,
        boolean intensityWeighting, boolean macroPixelCorrection, Temporal temporal, int framesPerTimePoint,
        Geometry geometry) {
    /** Largest magnification accepted (as eSRRF's). */
    public static final int MAX_MAGNIFICATION = 10;
    /** Gradient samples on the ring. */
    public static final int RING_POINTS = 12;

    public SrrfParams {
        if (magnification < 1 || magnification > MAX_MAGNIFICATION) {
            throw new IllegalArgumentException("magnification must be an integer in 1.." + MAX_MAGNIFICATION + ", got "
                    + magnification);
        }
        if (!(ringRadius > 0) || !Float.isFinite(ringRadius)) {
            throw new IllegalArgumentException("ring radius must be finite and > 0 input pixels, got " + ringRadius);
        }
        if (border < 0) {
            throw new IllegalArgumentException("border must be >= 0 input pixels, got " + border);
        }
        Objects.requireNonNull(temporal, "temporal");
        Objects.requireNonNull(geometry, "geometry");
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("frames per time point must be >= 0 (0 = all), got " + framesPerTimePoint);
        }
    }

    /** Magnification 5, ring radius 0.5, border 0, positivity, intensity weighting, macro-pixel correction, AVG, centred. */
    public static SrrfParams defaults() {
        return new SrrfParams(5, 0.5f, 0, true, true, true, Temporal.AVG, 0, Geometry.CENTRED);
    }

    public SrrfParams withMagnification(int m) {
        return new SrrfParams(m, ringRadius, border, positivityConstraint, intensityWeighting, macroPixelCorrection,
                temporal, framesPerTimePoint, geometry);
    }

    public SrrfParams withRingRadius(float r) {
        return new SrrfParams(magnification, r, border, positivityConstraint, intensityWeighting, macroPixelCorrection,
                temporal, framesPerTimePoint, geometry);
    }

    public SrrfParams withBorder(int b) {
        return new SrrfParams(magnification, ringRadius, b, positivityConstraint, intensityWeighting,
                macroPixelCorrection, temporal, framesPerTimePoint, geometry);
    }

    public SrrfParams withPositivityConstraint(boolean on) {
        return new SrrfParams(magnification, ringRadius, border, on, intensityWeighting, macroPixelCorrection, temporal,
                framesPerTimePoint, geometry);
    }

    public SrrfParams withIntensityWeighting(boolean on) {
        return new SrrfParams(magnification, ringRadius, border, positivityConstraint, on, macroPixelCorrection,
                temporal, framesPerTimePoint, geometry);
    }

    public SrrfParams withMacroPixelCorrection(boolean on) {
        return new SrrfParams(magnification, ringRadius, border, positivityConstraint, intensityWeighting, on, temporal,
                framesPerTimePoint, geometry);
    }

    public SrrfParams withTemporal(Temporal t) {
        return new SrrfParams(magnification, ringRadius, border, positivityConstraint, intensityWeighting,
                macroPixelCorrection, t, framesPerTimePoint, geometry);
    }

    public SrrfParams withFramesPerTimePoint(int n) {
        return new SrrfParams(magnification, ringRadius, border, positivityConstraint, intensityWeighting,
                macroPixelCorrection, temporal, n, geometry);
    }

    public SrrfParams withGeometry(Geometry g) {
        return new SrrfParams(magnification, ringRadius, border, positivityConstraint, intensityWeighting,
                macroPixelCorrection, temporal, framesPerTimePoint, g);
    }

    /** Frames per block for a stack of {@code frames}: all of them when 0 or larger than the stack. */
    public int blockLength(int frames) {
        return framesPerTimePoint == 0 || framesPerTimePoint > frames ? frames : framesPerTimePoint;
    }

    /**
     * Number of output time points: {@code ceil(frames / block)}, the last block possibly shorter; NanoPyx's
     * {@code frames div block}, the frames after the last whole block dropped.
     */
    public int timePoints(int frames) {
        int b = blockLength(frames);
        return geometry == Geometry.NANOPYX ? frames / b : (frames + b - 1) / b;
    }

    /** Frames of the input that reach the output (NanoPyx drops the remainder). */
    public int usedFrames(int frames) {
        return geometry == Geometry.NANOPYX ? timePoints(frames) * blockLength(frames) : frames;
    }

    /** Whether the macro-pixel correction divides every frame's map (NanoPyx) rather than the time point's result. */
    boolean correctsFrames() {
        return macroPixelCorrection && geometry == Geometry.NANOPYX;
    }

    /** The ring radius in output pixels, in float as NanoPyx keeps it. */
    float magnifiedRingRadius() {
        return (float) ((double) ringRadius * magnification);
    }

    /**
     * The ring offsets in output pixels, x then y for each of the {@link #RING_POINTS} points, rounded as NanoPyx
     * computes them: a float angle step, {@code cos}/{@code sin} in double, products stored as float. Every
     * implementation reads the same table.
     */
    float[] ring() {
        float step = (float) (Math.PI * 2.0 / RING_POINTS);
        double r = magnifiedRingRadius();
        float[] ring = new float[2 * RING_POINTS];
        for (int k = 0; k < RING_POINTS; k++) {
            float angle = step * k;
            ring[2 * k] = (float) (Math.cos(angle) * r);
            ring[2 * k + 1] = (float) (Math.sin(angle) * r);
        }
        return ring;
    }
}
