package org.flowscope.methods.esrrfsweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import picocli.CommandLine.Option;

/**
 * The options of {@code process esrrf-sweep}. The value lists are parsed here rather than by picocli so that an empty
 * list or a bad number gets a message naming the option and the value (exit 3); enum values are parsed by picocli
 * (exit 2 naming the accepted values).
 */
public final class EsrrfSweepOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the maps (created if missing): rsp|resolution|qnr .tif and .csv, sweep.csv, sweep.svg, best.json.")
    Path out;

    @Option(names = "--radius", paramLabel = "R1,R2,...", defaultValue = "1,1.5,2",
            description = "eSRRF radii to try, input pixels, each > 0 (default: ${DEFAULT-VALUE}).")
    String radii;

    @Option(names = "--sensitivity", paramLabel = "S1,S2,...", defaultValue = "1,2,4",
            description = "eSRRF sensitivities to try, each >= 1 (default: ${DEFAULT-VALUE}).")
    String sensitivities;

    @Option(names = "--frames", paramLabel = "N1,N2,...",
            description = "Frames per reconstruction to try; each cuts the stack into blocks of N frames whose figures are "
                    + "averaged (default: the whole stack as one block).")
    String frames;

    @Option(names = "--resolution", paramLabel = "frc|decorr", defaultValue = "frc",
            description = "frc: FRC of the even- and odd-frame reconstructions (default); decorr: decorrelation analysis of the reconstruction.")
    ResolutionMetric resolution = ResolutionMetric.FRC;

    @Option(names = "--magnification", paramLabel = "M", defaultValue = "5",
            description = "eSRRF magnification, integer 1-10 (default: ${DEFAULT-VALUE}, as process esrrf; the time grows with "
                    + "its square, but FRC cannot measure a resolution finer than 2 SR pixels, so a coarse grid ties the "
                    + "sharpest combinations).")
    int magnification = 5;

    @Option(names = "--temporal", paramLabel = "AVG|VAR|TAC2", description = "Temporal statistic (default: AVG).")
    TemporalCorrelation temporal = TemporalCorrelation.AVG;

    @Option(names = "--geometry", paramLabel = "centred|nanopyx", description = "eSRRF sampling geometry (default: centred).")
    Geometry geometry = Geometry.CENTRED;

    @Option(names = "--no-intensity-weighting", description = "Do not multiply the convergence by the magnified intensity.")
    boolean noIntensityWeighting;

    @Option(names = "--no-macro-pixel-correction", description = "Do not normalise the M x M sub-pixel phases.")
    boolean noMacroPixelCorrection;

    @Option(names = "--pixel-size", paramLabel = "NM",
            description = "Input pixel size in nm (default: from the file; resolution in input pixels when unknown).")
    Double pixelSize;

    /** The fixed eSRRF settings (radius and sensitivity are the sweep's). */
    EsrrfParams esrrf() {
        return new EsrrfParams(magnification, 1.5f, 1f, !noIntensityWeighting, temporal, !noMacroPixelCorrection, 0, geometry);
    }

    List<Float> radii() {
        List<Float> out = new ArrayList<>();
        for (String v : values("--radius", radii)) {
            out.add(number("--radius", v).floatValue());
        }
        return out;
    }

    List<Float> sensitivities() {
        List<Float> out = new ArrayList<>();
        for (String v : values("--sensitivity", sensitivities)) {
            out.add(number("--sensitivity", v).floatValue());
        }
        return out;
    }

    /** The frame counts; empty when {@code --frames} was not given (the whole stack). */
    List<Integer> frameCounts() {
        List<Integer> out = new ArrayList<>();
        if (frames == null) {
            return out;
        }
        for (String v : values("--frames", frames)) {
            try {
                out.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--frames takes whole numbers of frames, got '" + v + "'");
            }
        }
        return out;
    }

    /** The comma-separated values of {@code text}; IllegalArgumentException for an empty list or an empty entry. */
    static List<String> values(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + " needs at least one value, got '" + (text == null ? "" : text) + "'");
        }
        List<String> out = new ArrayList<>();
        for (String v : text.split(",", -1)) {
            String t = v.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException(option + " has an empty entry in '" + text + "'");
            }
            out.add(t);
        }
        return out;
    }

    private static Double number(String option, String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes numbers, got '" + v + "'");
        }
    }
}
