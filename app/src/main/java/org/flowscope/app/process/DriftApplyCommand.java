package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.methods.drift.DriftCorrectionInput;
import org.flowscope.methods.drift.DriftCorrectionParams;
import org.flowscope.methods.drift.DriftTable;
import org.flowscope.methods.shift.Border;
import org.flowscope.methods.shift.Interpolator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process drift-apply}: shifts every frame back by its drift. */
@Command(name = "drift-apply",
        mixinStandardHelpOptions = true,
        description = {"Correct a TIFF stack with a drift table (CSV or JSON from drift-estimate).",
                "Frame t is shifted by (-dx, -dy) with exact sub-pixel weights (no 1/32 px grid). Output: float32 TIFF."})
public final class DriftApplyCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @Mixin
    DriftEngineOptions engineOptions;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input TIFF stack.")
    Path input;

    @Option(names = "--drift", required = true, paramLabel = "FILE", description = "Drift table (.csv or .json).")
    Path drift;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Corrected float32 TIFF.")
    Path output;

    @Option(names = "--interpolator", defaultValue = "LANCZOS3", paramLabel = "NAME",
            description = "LANCZOS3, CATMULL_ROM, LINEAR or FOURIER (default: ${DEFAULT-VALUE}).")
    Interpolator interpolator;

    @Option(names = "--border", defaultValue = "ZERO", paramLabel = "ZERO|NEAREST",
            description = "What fills areas uncovered by the shift (default: ${DEFAULT-VALUE}).")
    Border border;

    @Override
    public Integer call() {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        long t0 = System.nanoTime();
        TiffStack in = TiffStacks.read(input);
        DriftTable table = DriftTable.read(drift);
        DriftCorrectionInput job = new DriftCorrectionInput(in.stack(), table);
        ImageStack corrected;
        try (Engine engine = engineOptions.open()) {
            corrected = engineOptions.shifter(engine).correct(new DriftCorrectionParams(interpolator, border), job);
        }
        TiffStacks.write(output, corrected, in.metadata().withPixelType(PixelType.F32), PixelType.F32,
                format.options(output, "drift-corrected"));
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("drift", drift.toString());
        r.put("output", output.toString());
        r.put("frames", corrected.frames());
        r.put("width", corrected.width());
        r.put("height", corrected.height());
        r.put("interpolator", interpolator.name());
        r.put("border", border.name());
        r.put("implementation", engineOptions.lastImplementation());
        r.put("elapsedMs", ms);
        out.result(r, String.format(Locale.ROOT, "corrected %d frames of %dx%d (%s) -> %s (%.0f ms)", corrected.frames(),
                corrected.width(), corrected.height(), interpolator, output, ms));
        return ExitCodes.OK;
    }
}
