package org.flowscope.methods.drift;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process drift-apply}: shifts every frame back by its drift. */
public final class DriftApplyCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--drift", required = true, paramLabel = "FILE", description = "Drift table (.csv or .json).")
        Path drift;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Corrected float32 TIFF.")
        Path output;

        @Option(names = "--interpolator", paramLabel = "NAME",
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Kernel interpolator = Kernel.LANCZOS3;

        @Option(names = "--border", paramLabel = "ZERO|NEAREST",
                description = "What fills areas uncovered by the shift: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Border border = Border.ZERO;
    }

    /** What {@code process drift-apply --json} reports. */
    public record Report(String input, String drift, String output, int frames, int width, int height, String interpolator,
            String border, String implementation) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "drift-apply";
    }

    @Override
    public String[] description() {
        return new String[] {"Correct a TIFF stack with a drift table (CSV or JSON from drift-estimate).",
                "Frame t is shifted by (-dx, -dy) with exact sub-pixel weights (no 1/32 px grid). Output: float32 TIFF."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        TiffStack in = ctx.read(ctx.input());
        DriftTable table = DriftTable.read(options.drift);
        DriftEngineCalls calls = new DriftEngineCalls(ctx.engine(), ctx.selection());
        ImageStack corrected = calls.shifter().correct(new DriftCorrectionParams(options.interpolator, options.border),
                new DriftCorrectionInput(in.stack(), table));
        ctx.writeStack(options.output, corrected, in.metadata().withPixelType(PixelType.F32));
        Report r = new Report(ctx.input().toString(), options.drift.toString(), options.output.toString(), corrected.frames(),
                corrected.width(), corrected.height(), options.interpolator.name(), options.border.name(),
                calls.lastImplementation());
        return new Outcome(r, String.format(Locale.ROOT, "corrected %d frames of %dx%d (%s) -> %s", corrected.frames(),
                corrected.width(), corrected.height(), options.interpolator, options.output));
    }
}
