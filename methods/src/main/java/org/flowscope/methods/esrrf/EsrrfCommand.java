package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process esrrf}: eSRRF of a TIFF stack, the offline twin of {@code live --op esrrf}. */
public final class EsrrfCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Mixin
        EsrrfOptions esrrf = new EsrrfOptions();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
                description = "Frames per output frame; 0 (default) makes one frame of the whole stack.")
        int framesPerTimePoint;
    }

    /**
     * What {@code process esrrf --json} reports.
     *
     * @param seconds the engine's measured compute time
     */
    public record Report(String input, String output, int inputFrames, int outputFrames, int width, int height,
            EsrrfParams params, String implementation, String device, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "esrrf";
    }

    @Override
    public String[] description() {
        return new String[] {"eSRRF super-resolution of a TIFF stack (one output frame per time point).",
                "Defaults are NanoPyx's (x5, radius 1.5, sensitivity 1, AVG, intensity weighting, macro-pixel "
                        + "correction) except --geometry, which is centred (geometrically exact) unless set to nanopyx."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        EsrrfParams params = options.esrrf.params(options.framesPerTimePoint);
        TiffStack in = ctx.read(ctx.input());
        // as `process average` does: more frames per time point than the stack holds is a mistake, not "all of them"
        org.flowscope.core.window.TimePointBlocks.of(in.stack().frames(), options.framesPerTimePoint);
        Esrrf op = new Esrrf();
        op.validate(params, in.stack());
        Execution<ImageStack> ex = ctx.engine().execute(op, params, in.stack(), ctx.selection());
        ImageStack result = ex.output();
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / params.magnification());
        }
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * params.blockLength(in.stack().frames()));
        }
        ctx.writeStack(options.output, result, md);
        var choice = ex.decision().choice();
        Report r = new Report(ctx.input().toString(), options.output.toString(), in.stack().frames(), result.frames(),
                result.width(), result.height(), params, choice.implementation(), choice.device().label(), ex.seconds());
        return new Outcome(r, String.format(Locale.ROOT,
                "eSRRF x%d of %d frames of %dx%d -> %d frame(s) of %dx%d in %s (%s on %s, %.2f s)",
                params.magnification(), in.stack().frames(), in.stack().width(), in.stack().height(), result.frames(),
                result.width(), result.height(), options.output, choice.implementation(), choice.device().label(), ex.seconds()));
    }
}
