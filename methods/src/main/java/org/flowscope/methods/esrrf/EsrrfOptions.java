package org.flowscope.methods.esrrf;

import picocli.CommandLine.Option;

/**
 * eSRRF's command-line options, shared by {@code process esrrf} and {@code live --op esrrf}; the defaults are NanoPyx's
 * except the geometry. Enum values are parsed by picocli (case-insensitive), so a bad value is a usage error naming
 * the accepted ones.
 */
public final class EsrrfOptions {
    @Option(names = "--magnification", paramLabel = "M", defaultValue = "5",
            description = "Output pixels per input pixel, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnification = 5;

    @Option(names = "--radius", paramLabel = "PX", defaultValue = "1.5",
            description = "PSF FWHM in input pixels, > 0 (default: ${DEFAULT-VALUE}).")
    float radius = 1.5f;

    @Option(names = "--sensitivity", paramLabel = "S", defaultValue = "1",
            description = "Convergence exponent, >= 1 (default: ${DEFAULT-VALUE}).")
    float sensitivity = 1;

    @Option(names = "--temporal", paramLabel = "AVG|VAR|TAC2", description = "Temporal statistic per time point: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TemporalCorrelation temporal = TemporalCorrelation.AVG;

    @Option(names = "--no-intensity-weighting", description = "Do not multiply the convergence by the magnified intensity.")
    boolean noIntensityWeighting;

    @Option(names = "--no-macro-pixel-correction", description = "Do not normalise the M x M sub-pixel phases.")
    boolean noMacroPixelCorrection;

    @Option(names = "--geometry", paramLabel = "centred|nanopyx", description = "centred (default): geometrically exact, every pixel defined; nanopyx: NanoPyx 2.1.2's "
                    + "sampling (half an input pixel off, zero margins), for parity with NanoPyx.")
    Geometry geometry = Geometry.CENTRED;

    /** The parameters; IllegalArgumentException naming the rule and the value when one is out of range. */
    public EsrrfParams params(int framesPerTimePoint) {
        return new EsrrfParams(magnification, radius, sensitivity, !noIntensityWeighting, temporal,
                !noMacroPixelCorrection, framesPerTimePoint, geometry);
    }
}
