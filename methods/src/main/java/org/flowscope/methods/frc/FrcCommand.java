package org.flowscope.methods.frc;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.quality.QualityInputs;
import org.flowscope.methods.quality.SvgPlot;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process frc}: Fourier ring correlation resolution of two images or of a stack's odd/even frames. */
public final class FrcCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--second", paramLabel = "FILE", description = "Second, independent image of the same field.")
        Path second;

        @Option(names = "--pixel-size", paramLabel = "NM", description = "Pixel size in nm (default: the TIFF's calibration).")
        Double pixelSize;

        @Option(names = "--convention", paramLabel = "standard|nanopyx", description = "Frequency axis: standard (true ring frequency, default) or nanopyx (NanoPyx parity).")
        FrcConvention convention = FrcConvention.STANDARD;

        @Option(names = "--curve", paramLabel = "FILE", description = "Curve CSV (default: <input stem>_frc.csv here).")
        Path curve;

        @Option(names = "--plot", paramLabel = "FILE", description = "Curve plot, SVG (default: <input stem>_frc.svg here).")
        Path plot;
    }

    /** What {@code process frc --json} reports; resolutions are null when the curve never crosses the threshold. */
    public record Report(String input, String second, String split, Double resolutionPx, Double resolutionNm,
            Double pixelSizeNm, String convention, double threshold, boolean crossed, String curveCsv, String curvePlot,
            String implementation) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "frc";
    }

    @Override
    public String[] description() {
        return new String[] {"Fourier ring correlation (FRC) resolution, threshold 1/7.",
                "With --second: the two files (each averaged over its frames) are compared.",
                "Without: the mean of the even frames of --input against the mean of its odd frames (needs >= 2 frames).",
                "Writes the curve as CSV (frequency, raw and smoothed FRC) and as an SVG plot."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        Path input = ctx.input();
        Path csv = options.curve != null ? options.curve : QualityInputs.defaultOutput(input, "_frc.csv");
        Path svg = options.plot != null ? options.plot : QualityInputs.defaultOutput(input, "_frc.svg");
        ctx.checkWritable(csv);
        ctx.checkWritable(svg);
        TiffStack a = ctx.read(input);
        FrcInput in = options.second != null
                ? new FrcInput(QualityInputs.mean(a.stack()), QualityInputs.mean(ctx.read(options.second).stack()))
                : FrcInput.oddEven(a.stack());
        FrcParams params = new FrcParams(QualityInputs.pixelSize(options.pixelSize, a), options.convention);
        Execution<FrcResult> ex = ctx.engine().execute(new Frc(), params, in, ctx.selection());
        FrcResult r = ex.output();
        ctx.writeText(csv, csv(r, params));
        ctx.writeText(svg, new SvgPlot("Fourier ring correlation: " + input.getFileName(), "spatial frequency (1/px)", "FRC")
                .series("raw", r.frequency(), r.raw(), 1)
                .series("smoothed", r.frequency(), r.smoothed(), 2)
                .horizontal(Frc.THRESHOLD, "1/7")
                .vertical(r.crossed() ? 1 / r.resolutionPx() : Double.NaN,
                        r.crossed() ? String.format(Locale.ROOT, "%.2f px", r.resolutionPx()) : "")
                .render());
        Report report = new Report(input.toString(), options.second == null ? null : options.second.toString(),
                options.second == null ? "odd/even frames" : "two files", QualityInputs.finiteOrNull(r.resolutionPx()),
                QualityInputs.finiteOrNull(r.resolutionNm()), QualityInputs.finiteOrNull(params.pixelSizeNm()),
                options.convention.name().toLowerCase(Locale.ROOT), r.threshold(), r.crossed(), csv.toString(),
                svg.toString(), ex.decision().choice().label());
        String human = r.crossed()
                ? String.format(Locale.ROOT, "FRC resolution %.3f px%s (curve: %s, %s)", r.resolutionPx(),
                        Double.isFinite(r.resolutionNm()) ? String.format(Locale.ROOT, " = %.1f nm", r.resolutionNm()) : "", csv, svg)
                : "FRC curve never crosses 1/7: resolution not measurable (curve: " + csv + ", " + svg + ")";
        return new Outcome(report, human);
    }

    private static String csv(FrcResult r, FrcParams p) {
        StringBuilder sb = new StringBuilder("frequency_per_px,frequency_per_nm,frc_raw,frc_smoothed\n");
        for (int i = 0; i < r.frequency().length; i++) {
            double f = r.frequency()[i];
            sb.append(f).append(',').append(p.hasPixelSize() ? Double.toString(f / p.pixelSizeNm()) : "")
                    .append(',').append(r.raw()[i]).append(',').append(r.smoothed()[i]).append('\n');
        }
        return sb.toString();
    }
}
