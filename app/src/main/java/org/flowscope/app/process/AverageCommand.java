package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.pipeline.Average;
import org.flowscope.core.window.TimePointBlocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process average}: temporal mean per time-point block, the offline twin of {@code live --op average}. */
@Command(name = "average",
        mixinStandardHelpOptions = true,
        description = {"Temporal mean of a TIFF stack, per block of frames (NanoPyx time points).",
                "The output is a float32 stack with one frame per block; the last block may be shorter."})
public final class AverageCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input TIFF stack (u8, u16 or f32).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
    Path output;

    @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
            description = "Frames averaged per output frame; 0 (default) averages the whole stack into one frame.")
    int framesPerTimePoint;

    @Override
    public Integer call() {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("--frames-per-timepoint must be >= 0, got " + framesPerTimePoint);
        }
        long t0 = System.nanoTime();
        TiffStack in = TiffStacks.read(input);
        List<ImageStack> blocks = TimePointBlocks.split(in.stack(), framesPerTimePoint);
        ImageStack first = blocks.get(0);
        float[] data = new float[blocks.size() * first.frameSize()];
        for (int b = 0; b < blocks.size(); b++) {
            System.arraycopy(Average.mean(blocks.get(b)).data(), 0, data, b * first.frameSize(), first.frameSize());
        }
        ImageStack result = new ImageStack(blocks.size(), first.height(), first.width(), data);
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * first.frames());
        }
        TiffStacks.write(output, result, md, PixelType.F32, format.options(output, "average"));
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("output", output.toString());
        r.put("inputFrames", in.stack().frames());
        r.put("outputFrames", result.frames());
        r.put("framesPerTimepoint", first.frames());
        r.put("width", result.width());
        r.put("height", result.height());
        r.put("elapsedMs", ms);
        out.result(r, String.format("averaged %d frames of %dx%d into %d frame(s) -> %s (%.0f ms)",
                in.stack().frames(), result.width(), result.height(), result.frames(), output, ms));
        return ExitCodes.OK;
    }
}
