package org.flowscope.methods.esrrfsweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Engine;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.quality.QualityInputs;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;

/**
 * {@code flowscope process esrrf-sweep}: eSRRF's parameter sweep ({@link EsrrfSweep}) on a TIFF stack, every
 * sub-operation through the command's one engine. Writes the maps and {@code best.json} into {@code --out}; every file
 * is written atomically and {@code best.json} last, so a folder with {@code best.json} holds a complete sweep.
 */
public final class EsrrfSweepCommand implements OfflineCommand {
    /** File names inside {@code --out}, in writing order ({@code best.json} last). */
    static final List<String> FILES = List.of("rsp.tif", "resolution.tif", "qnr.tif", "rsp.csv", "resolution.csv",
            "qnr.csv", "sweep.csv", "sweep.svg", "best.json");

    private final EsrrfSweepOptions options = new EsrrfSweepOptions();

    @Override
    public String name() {
        return "esrrf-sweep";
    }

    @Override
    public String[] description() {
        return new String[] {"eSRRF parameter sweep (QnR): which radius, sensitivity and frame count reconstruct the stack best.",
                "Per combination: SQUIRREL RSP against the temporal mean, resolution by FRC of even/odd-frame reconstructions "
                        + "(or decorrelation), QnR = harmonic mean of RSP and the logistic-normalised resolution.",
                "Maps (x = radius, y = sensitivity, frame = frame count) as TIFF and CSV, a table of every combination, "
                        + "an SVG heat map and best.json."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        Path dir = options.out;
        EsrrfParams esrrf = options.esrrf();
        List<Float> radii = options.radii();
        List<Float> sensitivities = options.sensitivities();
        List<Integer> frames = options.frameCounts();
        // every check before the folder is made, so that bad input leaves nothing behind
        new EsrrfSweepParams(radii, sensitivities, frames, esrrf, options.resolution, Double.NaN);
        TiffStack in = ctx.read(ctx.input());
        double pixelSize = QualityInputs.pixelSize(options.pixelSize, in);
        EsrrfSweepParams params = new EsrrfSweepParams(radii, sensitivities, frames, esrrf, options.resolution, pixelSize);
        new EsrrfSweep().validate(params, in.stack());
        createFolder(dir);
        Map<String, Path> files = new LinkedHashMap<>();
        for (String f : FILES) {
            files.put(f, dir.resolve(f));
            ctx.checkWritable(files.get(f));
        }

        Engine engine = ctx.engine();
        DeviceLedger ledger = new DeviceLedger(engine.devices());
        EngineSteps steps = new EngineSteps(engine, ctx.selection());
        long t0 = System.nanoTime();
        SweepResult result = SweepDriver.run(params, in.stack(), steps, (i, total, cell) -> {
            if (i == 0) {
                ledger.snapshot(1);
            }
            ctx.log().println(String.format(Locale.ROOT, "combination %d/%d: radius %s, sensitivity %s, %d frames x %d: "
                    + "RSP %.4f, resolution %.3f px%s (%.1f s)%s", i + 1, total, cell.radius(), cell.sensitivity(),
                    cell.frames(), cell.blocks(), cell.rsp(), cell.resolutionPx(),
                    cell.gridLimitedBlocks() > 0 ? " (grid limit in " + cell.gridLimitedBlocks() + " block(s))" : "", cell.seconds(),
                    cell.problems().isEmpty() ? "" : " [" + String.join("; ", cell.problems()) + "]"));
            ctx.log().flush();
        });
        double seconds = (System.nanoTime() - t0) * 1e-9;
        ledger.snapshot(2);

        SweepReport report = SweepReport.of(ctx.input(), dir, in.stack(), params, result, seconds, steps.usage(),
                ledger.uses(engine.devices()), files);
        write(ctx, files, result, report);
        if (result.best() < 0) {
            throw new IllegalArgumentException("no parameter combination could be scored (every one lacks an RSP or a "
                    + "resolution; reasons in " + files.get("sweep.csv") + "); the maps are in " + dir);
        }
        return new Outcome(report, report.summary());
    }

    private static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out must be a folder, " + dir + " is a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(ProcessContext ctx, Map<String, Path> files, SweepResult r, SweepReport report) {
        StackMetadata md = StackMetadata.of(PixelType.F32);
        ctx.writeStack(files.get("rsp.tif"), r.map(SweepCell::rsp), md);
        ctx.writeStack(files.get("resolution.tif"), r.map(r::resolutionInUnit), md);
        ctx.writeStack(files.get("qnr.tif"), r.map(SweepCell::qnr), md);
        ctx.writeText(files.get("rsp.csv"), SweepCsv.map(r, SweepCell::rsp));
        ctx.writeText(files.get("resolution.csv"), SweepCsv.map(r, r::resolutionInUnit));
        ctx.writeText(files.get("qnr.csv"), SweepCsv.map(r, SweepCell::qnr));
        ctx.writeText(files.get("sweep.csv"), SweepCsv.table(r));
        ctx.writeText(files.get("sweep.svg"), HeatMapSvg.render(r, "eSRRF sweep of " + report.input() + " (x"
                + r.magnification() + ", " + report.fixed().temporal() + ", " + r.metric() + ")"));
        try {
            ctx.writeText(files.get("best.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the sweep report", e);
        }
    }

    /** The {@code process esrrf} command line that reconstructs with {@code c}'s parameters. */
    static String esrrfCommand(Path input, EsrrfSweepParams p, SweepCell c, int stackFrames) {
        List<String> a = new ArrayList<>(List.of("flowscope", "process", "esrrf", "--input", input.toString(), "--output",
                "sr.tif", "--magnification", Integer.toString(p.esrrf().magnification()), "--radius", Float.toString(c.radius()),
                "--sensitivity", Float.toString(c.sensitivity())));
        EsrrfParams e = p.esrrf();
        if (e.temporal() != EsrrfParams.defaults().temporal()) {
            a.addAll(List.of("--temporal", e.temporal().name()));
        }
        if (e.geometry() != EsrrfParams.defaults().geometry()) {
            a.addAll(List.of("--geometry", e.geometry().name().toLowerCase(Locale.ROOT)));
        }
        if (!e.intensityWeighting()) {
            a.add("--no-intensity-weighting");
        }
        if (!e.macroPixelCorrection()) {
            a.add("--no-macro-pixel-correction");
        }
        if (c.frames() < stackFrames) {
            a.addAll(List.of("--frames-per-timepoint", Integer.toString(c.frames())));
        }
        return String.join(" ", a);
    }
}
