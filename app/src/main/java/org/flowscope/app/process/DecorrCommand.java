package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.Engine;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.quality.decorr.Decorr;
import org.flowscope.methods.quality.decorr.DecorrCurve;
import org.flowscope.methods.quality.decorr.DecorrParams;
import org.flowscope.methods.quality.decorr.DecorrResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope process decorr}: decorrelation-analysis resolution of one image (Descloux et al. 2019). Runs through
 * the engine, whose agent picks the sequential or the threaded implementation (the only quality metric with two).
 */
@Command(name = "decorr",
        mixinStandardHelpOptions = true,
        description = {"Image decorrelation analysis: resolution of a single image, 2/kc_max pixels.",
                "A stack is averaged over its frames first, unless --frame picks one. --curves writes every d(r) curve as CSV."})
public final class DecorrCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    EngineOptions engine;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "TIFF image (or stack, averaged).")
    Path input;

    @Option(names = "--pixel-size", paramLabel = "NM", description = "Pixel size in nm (default: the TIFF's calibration).")
    Double pixelSize;

    @Option(names = "--rmin", defaultValue = "0", description = "Lowest normalised frequency, [0, rmax) (default 0).")
    double rmin;

    @Option(names = "--rmax", defaultValue = "1", description = "Highest normalised frequency, (rmin, 1] (default 1).")
    double rmax;

    @Option(names = "--nr", defaultValue = "50", description = "Samples per curve, [10, 100] (default 50).")
    int nr;

    @Option(names = "--ng", defaultValue = "10", description = "High-pass images per pass, [5, 40] (default 10).")
    int ng;

    @Option(names = "--curves", paramLabel = "FILE", description = "Write all d(r) curves as CSV.")
    Path curves;

    @Option(names = "--frame", paramLabel = "K", description = "Analyse frame K (0-based) instead of the mean of all frames.")
    Integer frame;

    @Override
    public Integer call() {
        if (curves != null) {
            TiffStacks.requireWritableParent(curves);
            overwrite.check(curves);
        }
        TiffStack in = TiffStacks.read(input);
        DecorrParams params = new DecorrParams(rmin, rmax, nr, ng, QualityFiles.pixelSize(pixelSize, in));
        long t0 = System.nanoTime();
        DecorrResult r;
        try (Engine e = Engine.create(engine.config())) {
            r = e.run(new Decorr(), params, QualityFiles.frameOrMean(in.stack(), frame));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (curves != null) {
            QualityFiles.writeText(curves, csv(r));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("frame", frame);
        m.put("resolution_px", QualityFiles.finiteOrNull(r.resolutionPx()));
        m.put("resolution_nm", QualityFiles.finiteOrNull(r.resolutionNm()));
        m.put("pixel_size_nm", QualityFiles.finiteOrNull(params.pixelSizeNm()));
        m.put("kc_max", r.kcMax());
        m.put("amplitude_max", r.amplitudeMax());
        m.put("kc0", r.d0().kc());
        m.put("curves_csv", curves == null ? null : curves.toString());
        m.put("elapsedMs", ms);
        String human = Double.isFinite(r.resolutionPx())
                ? String.format("decorrelation resolution %.3f px%s (kc_max %.4f)", r.resolutionPx(),
                        Double.isFinite(r.resolutionNm()) ? String.format(" = %.1f nm", r.resolutionNm()) : "", r.kcMax())
                : "no decorrelation peak: resolution not measurable";
        out.result(m, human);
        return ExitCodes.OK;
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
