package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.quality.frc.Frc;
import org.flowscope.methods.quality.frc.FrcConvention;
import org.flowscope.methods.quality.frc.FrcCpu;
import org.flowscope.methods.quality.frc.FrcInput;
import org.flowscope.methods.quality.frc.FrcParams;
import org.flowscope.methods.quality.frc.FrcResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process frc}: Fourier ring correlation resolution of two images or of a stack's odd/even frames. */
@Command(name = "frc",
        mixinStandardHelpOptions = true,
        description = {"Fourier ring correlation (FRC) resolution, threshold 1/7.",
                "With --second: the two files (each averaged over its frames) are compared.",
                "Without: the mean of the even frames of --input against the mean of its odd frames (needs >= 2 frames).",
                "Writes the curve as CSV (frequency, raw and smoothed FRC) and as a PNG plot."})
public final class FrcCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "TIFF image or stack.")
    Path input;

    @Option(names = "--second", paramLabel = "FILE", description = "Second, independent image of the same field.")
    Path second;

    @Option(names = "--pixel-size", paramLabel = "NM", description = "Pixel size in nm (default: the TIFF's calibration).")
    Double pixelSize;

    @Option(names = "--convention", paramLabel = "NAME", defaultValue = "standard",
            description = "Frequency axis: standard (true ring frequency, default) or nanopyx (NanoPyx parity).")
    String convention;

    @Option(names = "--curve", paramLabel = "FILE", description = "Curve CSV (default: <input stem>_frc.csv here).")
    Path curve;

    @Option(names = "--plot", paramLabel = "FILE", description = "Curve PNG (default: <input stem>_frc.png here).")
    Path plot;

    @Override
    public Integer call() {
        FrcConvention conv = switch (convention.toLowerCase(Locale.ROOT)) {
            case "standard" -> FrcConvention.STANDARD;
            case "nanopyx" -> FrcConvention.NANOPYX;
            default -> throw new IllegalArgumentException("--convention must be standard or nanopyx, got " + convention);
        };
        Path csv = curve != null ? curve : QualityFiles.defaultOutput(input, "_frc.csv");
        Path png = plot != null ? plot : QualityFiles.defaultOutput(input, "_frc.png");
        TiffStacks.requireWritableParent(csv);
        TiffStacks.requireWritableParent(png);
        overwrite.check(csv, png);
        TiffStack a = TiffStacks.read(input);
        FrcInput in;
        if (second != null) {
            TiffStack b = TiffStacks.read(second);
            in = new FrcInput(QualityFiles.mean(a.stack()), QualityFiles.mean(b.stack()));
        } else {
            in = FrcInput.oddEven(a.stack());
        }
        FrcParams params = new FrcParams(QualityFiles.pixelSize(pixelSize, a), conv);
        long t0 = System.nanoTime();
        FrcResult r = FrcCpu.compute(params, in);
        double ms = (System.nanoTime() - t0) / 1e6;
        QualityFiles.writeText(csv, csv(r, params));
        new CurvePlot("Fourier ring correlation: " + input.getFileName(), "spatial frequency (1/px)", "FRC")
                .series("raw", r.frequency(), r.raw(), 1f)
                .series("smoothed", r.frequency(), r.smoothed(), 2f)
                .horizontal(Frc.THRESHOLD, "1/7")
                .vertical(r.crossed() ? 1 / r.resolutionPx() : Double.NaN,
                        r.crossed() ? String.format("%.2f px", r.resolutionPx()) : "")
                .write(png);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("second", second == null ? null : second.toString());
        m.put("split", second == null ? "odd/even frames" : "two files");
        m.put("resolution_px", QualityFiles.finiteOrNull(r.resolutionPx()));
        m.put("resolution_nm", QualityFiles.finiteOrNull(r.resolutionNm()));
        m.put("pixel_size_nm", QualityFiles.finiteOrNull(params.pixelSizeNm()));
        m.put("convention", conv.name().toLowerCase(Locale.ROOT));
        m.put("threshold", r.threshold());
        m.put("crossed", r.crossed());
        m.put("curve_csv", csv.toString());
        m.put("curve_png", png.toString());
        m.put("elapsedMs", ms);
        String human = r.crossed()
                ? String.format("FRC resolution %.3f px%s (curve: %s, %s)", r.resolutionPx(),
                        Double.isFinite(r.resolutionNm()) ? String.format(" = %.1f nm", r.resolutionNm()) : "", csv, png)
                : "FRC curve never crosses 1/7: resolution not measurable (curve: " + csv + ", " + png + ")";
        out.result(m, human);
        return ExitCodes.OK;
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
