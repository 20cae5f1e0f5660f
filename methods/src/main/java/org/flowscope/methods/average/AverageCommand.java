package org.flowscope.methods.average;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process average}: temporal mean per time-point block, the offline twin of {@code live --op average}. */
public final class AverageCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
                description = "Frames averaged per output frame; 0 (default) averages the whole stack into one frame.")
        int framesPerTimePoint;
    }

    /** What {@code process average --json} reports. */
    public record Report(String input, String output, int inputFrames, int outputFrames, int framesPerTimepoint, int width,
            int height) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "average";
    }

    @Override
    public String[] description() {
        return new String[] {"Temporal mean of a TIFF stack, per block of frames (NanoPyx time points).",
                "The output is a float32 stack with one frame per block; the last block may be shorter."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        AverageParams params = new AverageParams(options.framesPerTimePoint);
        TiffStack in = ctx.read(ctx.input());
        ImageStack result = ctx.engine().run(new Average(), params, in.stack(), ctx.selection());
        int block = options.framesPerTimePoint == 0 ? in.stack().frames() : Math.min(options.framesPerTimePoint, in.stack().frames());
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * block);
        }
        ctx.writeStack(options.output, result, md);
        return new Outcome(new Report(ctx.input().toString(), options.output.toString(), in.stack().frames(), result.frames(),
                block, result.width(), result.height()),
                String.format(Locale.ROOT, "averaged %d frames of %dx%d into %d frame(s) -> %s", in.stack().frames(),
                        result.width(), result.height(), result.frames(), options.output));
    }
}
