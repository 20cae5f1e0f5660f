package org.flowscope.methods.srrf;

import picocli.CommandLine.Option;

/**
 * SRRF's options on {@code process srrf}; the defaults are NanoPyx's except the geometry. Enum values are parsed by
 * picocli (case-insensitive), so a bad value is a usage error naming the accepted ones; out-of-range numbers are
 * refused by {@link SrrfParams} (bad input).
 */
public final class SrrfOptions {
    @Option(names = "--magnification", paramLabel = "M", defaultValue = "5",
            description = "Output pixels per input pixel, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnification = 5;

    @Option(names = "--ring-radius", paramLabel = "PX", defaultValue = "0.5",
            description = "Radius of the ring of gradient samples in input pixels, > 0 (default: ${DEFAULT-VALUE}).")
    float ringRadius = 0.5f;

    @Option(names = "--border", paramLabel = "PX", defaultValue = "0",
            description = "Input pixels left 0 along each edge, >= 0 (default: ${DEFAULT-VALUE}).")
    int border;

    @Option(names = "--temporal", paramLabel = "AVG|MAX|PPS|TRAC2|TRAC3|TRAC4",
            description = "Temporal analysis per time point: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Temporal temporal = Temporal.AVG;

    @Option(names = "--no-positivity-constraint", description = "Keep negative radiality instead of clipping it to 0.")
    boolean noPositivity;

    @Option(names = "--no-intensity-weighting", description = "Do not multiply the radiality by the magnified intensity.")
    boolean noIntensityWeighting;

    @Option(names = "--no-macro-pixel-correction", description = "Do not normalise the M x M sub-pixel phases.")
    boolean noMacroPixelCorrection;

    @Option(names = "--geometry", paramLabel = "centred|nanopyx", description = "centred (default): geometrically exact, "
            + "every pixel defined; nanopyx: NanoPyx 2.1.2's sampling, margins, per-frame correction and temporal "
            + "formulas, for parity with NanoPyx.")
    Geometry geometry = Geometry.CENTRED;

    /** The parameters; IllegalArgumentException naming the rule and the value when one is out of range. */
    public SrrfParams params(int framesPerTimePoint) {
        return new SrrfParams(magnification, ringRadius, border, !noPositivity, !noIntensityWeighting,
                !noMacroPixelCorrection, temporal, framesPerTimePoint, geometry);
    }
}
