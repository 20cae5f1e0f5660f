package org.flowscope.methods.decorr;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.quality.QualityInputs;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process decorr}: decorrelation-analysis resolution of one image (Descloux et al. 2019). */
public final class DecorrCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--pixel-size", paramLabel = "NM", description = "Pixel size in nm (default: the TIFF's calibration).")
        Double pixelSize;

        @Option(names = "--rmin", defaultValue = "0", description = "Lowest normalised frequency, [0, rmax) (default 0).")
        double rmin;

        @Option(names = "--rmax", defaultValue = "1", description = "Highest normalised frequency, (rmin, 1] (default 1).")
        double rmax = 1;

        @Option(names = "--nr", defaultValue = "50", description = "Samples per curve, [10, 100] (default 50).")
        int nr = 50;

        @Option(names = "--ng", defaultValue = "10", description = "High-pass images per pass, [5, 40] (default 10).")
        int ng = 10;

        @Option(names = "--curves", paramLabel = "FILE", description = "Write all d(r) curves as CSV.")
        Path curves;

        @Option(names = "--frame", paramLabel = "K", description = "Analyse frame K (0-based) instead of the mean of all frames.")
        Integer frame;
    }

    /** What {@code process decorr --json} reports; resolutions are null when there is no decorrelation peak. */
    public record Report(String input, Integer frame, Double resolutionPx, Double resolutionNm, Double pixelSizeNm,
            double kcMax, double amplitudeMax, double kc0, String curvesCsv, String implementation, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "decorr";
    }

    @Override
    public String[] description() {
        return new String[] {"Image decorrelation analysis: resolution of a single image, 2/kc_max pixels.",
                "A stack is averaged over its frames first, unless --frame picks one. --curves writes every d(r) curve as CSV."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        if (options.curves != null) {
            ctx.checkWritable(options.curves);
        }
        TiffStack in = ctx.read(ctx.input());
        DecorrParams params = new DecorrParams(options.rmin, options.rmax, options.nr, options.ng,
                QualityInputs.pixelSize(options.pixelSize, in));
        Execution<DecorrResult> ex = ctx.engine().execute(new Decorr(), params,
                QualityInputs.frameOrMean(in.stack(), options.frame), ctx.selection());
        DecorrResult r = ex.output();
        if (options.curves != null) {
            ctx.writeText(options.curves, csv(r));
        }
        Report report = new Report(ctx.input().toString(), options.frame, QualityInputs.finiteOrNull(r.resolutionPx()),
                QualityInputs.finiteOrNull(r.resolutionNm()), QualityInputs.finiteOrNull(params.pixelSizeNm()), r.kcMax(),
                r.amplitudeMax(), r.d0().kc(), options.curves == null ? null : options.curves.toString(),
                ex.decision().choice().label(), ex.seconds());
        String human = Double.isFinite(r.resolutionPx())
                ? String.format(Locale.ROOT, "decorrelation resolution %.3f px%s (kc_max %.4f)", r.resolutionPx(),
                        Double.isFinite(r.resolutionNm()) ? String.format(Locale.ROOT, " = %.1f nm", r.resolutionNm()) : "", r.kcMax())
                : "no decorrelation peak: resolution not measurable";
        return new Outcome(report, human);
    }

    private static String csv(DecorrResult r) {
        StringBuilder sb = new StringBuilder("pass,curve,sigma_px,index,r,d,kc,amplitude\n");
        int c = 0;
        for (DecorrCurve curve : r.curves()) {
            for (int k = 0; k < curve.d().length; k++) {
                sb.append(curve.pass()).append(',').append(c).append(',').append(curve.sigma()).append(',').append(k)
                        .append(',').append(curve.radius(k)).append(',').append(curve.d()[k]).append(',')
                        .append(curve.kc()).append(',').append(curve.amplitude()).append('\n');
            }
            c++;
        }
        return sb.toString();
    }
}
