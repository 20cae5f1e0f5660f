package org.flowscope.methods.srrf;

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

/** {@code flowscope process srrf}: SRRF of a TIFF stack, the offline twin of {@code live --op srrf}. */
public final class SrrfCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Mixin
        SrrfOptions srrf = new SrrfOptions();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
                description = "Frames per output frame; 0 (default) makes one frame of the whole stack.")
        int framesPerTimePoint;
    }

    /**
     * What {@code process srrf --json} reports.
     *
     * @param droppedFrames frames after the last whole block, which the NanoPyx geometry drops
     * @param seconds       the engine's measured compute time
     */
    public record Report(String input, String output, int inputFrames, int droppedFrames, int outputFrames, int width,
            int height, SrrfParams params, String implementation, String device, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "srrf";
    }

    @Override
    public String[] description() {
        return new String[] {"SRRF (radiality) super-resolution of a TIFF stack (one output frame per time point).",
                "Defaults are NanoPyx's (x5, ring radius 0.5, positivity, intensity weighting, macro-pixel correction, "
                        + "AVG) except --geometry, which is centred (geometrically exact) unless set to nanopyx."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        SrrfParams params = options.srrf.params(options.framesPerTimePoint);
        TiffStack in = ctx.read(ctx.input());
        // as `process average` does: more frames per time point than the stack holds is a mistake, not "all of them"
        org.flowscope.core.window.TimePointBlocks.of(in.stack().frames(), options.framesPerTimePoint);
        Srrf op = new Srrf();
        op.validate(params, in.stack());
        int frames = in.stack().frames();
        int dropped = frames - params.usedFrames(frames);
        if (dropped > 0) {
            ctx.log().printf(Locale.ROOT, "note: the nanopyx geometry drops the last %d frame(s), after the last whole "
                    + "block of %d%n", dropped, params.blockLength(frames));
        }
        Execution<ImageStack> ex = ctx.engine().execute(op, params, in.stack(), ctx.selection());
        ImageStack result = ex.output();
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / params.magnification());
        }
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * params.blockLength(frames));
        }
        ctx.writeStack(options.output, result, md);
        var choice = ex.decision().choice();
        Report r = new Report(ctx.input().toString(), options.output.toString(), frames, dropped, result.frames(),
                result.width(), result.height(), params, choice.implementation(), choice.device().label(), ex.seconds());
        return new Outcome(r, String.format(Locale.ROOT,
                "SRRF x%d %s of %d frames of %dx%d -> %d frame(s) of %dx%d in %s (%s on %s, %.2f s)",
                params.magnification(), params.temporal(), frames, in.stack().width(), in.stack().height(),
                result.frames(), result.width(), result.height(), options.output, choice.implementation(),
                choice.device().label(), ex.seconds()));
    }
}
