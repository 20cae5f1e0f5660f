package org.flowscope.methods.srrf;

import picocli.CommandLine.Option;

/**
 * SRRF's options on {@code live --op srrf}: those of {@code process srrf} with the prefix {@code --srrf-}, because
 * {@code live} holds every operator's options at once and eSRRF's own {@code --magnification}, {@code --temporal},
 * {@code --geometry}, ... would collide.
 */
public final class SrrfLiveOptions {
    @Option(names = "--srrf-magnification", paramLabel = "M", defaultValue = "5",
            description = "SRRF: output pixels per input pixel, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnification = 5;

    @Option(names = "--srrf-ring-radius", paramLabel = "PX", defaultValue = "0.5",
            description = "SRRF: ring radius in input pixels, > 0 (default: ${DEFAULT-VALUE}).")
    float ringRadius = 0.5f;

    @Option(names = "--srrf-border", paramLabel = "PX", defaultValue = "0",
            description = "SRRF: input pixels left 0 along each edge (default: ${DEFAULT-VALUE}).")
    int border;

    @Option(names = "--srrf-temporal", paramLabel = "AVG|MAX|PPS|TRAC2|TRAC3|TRAC4",
            description = "SRRF: temporal analysis per window (default: ${DEFAULT-VALUE}).")
    Temporal temporal = Temporal.AVG;

    @Option(names = "--srrf-no-positivity-constraint", description = "SRRF: keep negative radiality.")
    boolean noPositivity;

    @Option(names = "--srrf-no-intensity-weighting", description = "SRRF: no intensity weighting.")
    boolean noIntensityWeighting;

    @Option(names = "--srrf-no-macro-pixel-correction", description = "SRRF: no macro-pixel correction.")
    boolean noMacroPixelCorrection;

    @Option(names = "--srrf-geometry", paramLabel = "centred|nanopyx", description = "SRRF: centred (default) or nanopyx.")
    Geometry geometry = Geometry.CENTRED;

    /** The parameters of one window (one time point). */
    public SrrfParams params() {
        return new SrrfParams(magnification, ringRadius, border, !noPositivity, !noIntensityWeighting,
                !noMacroPixelCorrection, temporal, 0, geometry);
    }
}
