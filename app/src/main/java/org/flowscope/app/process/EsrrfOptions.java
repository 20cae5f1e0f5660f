package org.flowscope.app.process;

import java.util.Locale;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Backend;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import picocli.CommandLine.Option;

/** eSRRF options shared by {@code process esrrf} and {@code live --op esrrf}; defaults are NanoPyx's except the geometry. */
public class EsrrfOptions {
    @Option(names = "--magnification", paramLabel = "M", defaultValue = "5",
            description = "Output pixels per input pixel, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnification;

    @Option(names = "--radius", paramLabel = "PX", defaultValue = "1.5",
            description = "PSF FWHM in input pixels, > 0 (default: ${DEFAULT-VALUE}).")
    float radius;

    @Option(names = "--sensitivity", paramLabel = "S", defaultValue = "1",
            description = "Convergence exponent, >= 1 (default: ${DEFAULT-VALUE}).")
    float sensitivity;

    @Option(names = "--temporal", paramLabel = "AVG|VAR|TAC2", defaultValue = "AVG",
            description = "Temporal statistic per time point (default: ${DEFAULT-VALUE}).")
    TemporalCorrelation temporal;

    @Option(names = "--no-intensity-weighting", description = "Do not multiply the convergence by the magnified intensity.")
    boolean noIntensityWeighting;

    @Option(names = "--no-macro-pixel-correction", description = "Do not normalise the M x M sub-pixel phases.")
    boolean noMacroPixelCorrection;

    @Option(names = "--geometry", paramLabel = "centred|nanopyx", defaultValue = "centred",
            description = "centred (default): geometrically exact, every pixel defined; nanopyx: NanoPyx 2.1.2's "
                    + "sampling (half an input pixel off, zero margins), for parity with NanoPyx.")
    String geometry;

    @Option(names = "--backend", paramLabel = "auto|cpu|cpu-reference|opencl|cuda", defaultValue = "auto",
            description = "auto (default): the engine chooses per call; cpu: threaded Java; cpu-reference: the "
                    + "single-threaded reference; opencl or cuda: that device kind.")
    String backend;

    /** The parameters; IllegalArgumentException naming the rule and the value when one is out of range. */
    public EsrrfParams params(int framesPerTimePoint) {
        Geometry g = switch (geometry.toLowerCase(Locale.ROOT)) {
            case "centred", "centered" -> Geometry.CENTRED;
            case "nanopyx" -> Geometry.NANOPYX;
            default -> throw new IllegalArgumentException("--geometry must be centred or nanopyx, got '" + geometry + "'");
        };
        return new EsrrfParams(magnification, radius, sensitivity, !noIntensityWeighting, temporal,
                !noMacroPixelCorrection, framesPerTimePoint, g);
    }

    /** The engine's choice as the user restricted it. */
    public RunOptions runOptions() {
        return switch (backend.toLowerCase(Locale.ROOT)) {
            case "auto" -> RunOptions.auto();
            case "cpu" -> RunOptions.backend(Backend.CPU_THREADED);
            case "cpu-reference" -> RunOptions.backend(Backend.CPU);
            case "opencl" -> RunOptions.backend(Backend.OPENCL);
            case "cuda" -> RunOptions.backend(Backend.CUDA);
            default -> throw new IllegalArgumentException(
                    "--backend must be auto, cpu, cpu-reference, opencl or cuda, got '" + backend + "'");
        };
    }
}
