package org.flowscope.methods.nlm;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.OfflineCommand.Outcome;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/**
 * The options of {@code process nlm} and {@code process nlm-fast}, and the run they share: read the stack, denoise it
 * on the engine's choice of implementation, write a float32 stack with the input's calibration.
 */
public final class NlmOptions {
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
    Path output;

    @Option(names = "--patch-size", defaultValue = "7", paramLabel = "S",
            description = "Patch side in pixels, odd, 3..127 (default ${DEFAULT-VALUE}).")
    int patchSize;

    @Option(names = "--patch-distance", defaultValue = "11", paramLabel = "D",
            description = "Search radius in pixels, 0..512: candidates within +-D rows and columns (default ${DEFAULT-VALUE}).")
    int patchDistance;

    @Option(names = "--h", required = true, paramLabel = "H",
            description = "Cut-off in grey levels of the input, larger smooths more: NanoPyx's default 0.1 suits images "
                    + "scaled to [0, 1]; for raw camera counts start near the noise standard deviation.")
    float h;

    @Option(names = "--sigma", defaultValue = "0", paramLabel = "SIGMA",
            description = "Expected noise standard deviation in grey levels, subtracted from patch distances (default ${DEFAULT-VALUE}).")
    float sigma;

    /** What {@code process nlm --json} and {@code process nlm-fast --json} report. */
    public record Report(String operation, String input, String output, int frames, int width, int height, int patchSize,
            int patchDistance, float h, float sigma, String implementation, double computeMs) {
    }

    public Path output() {
        return output;
    }

    public int patchSize() {
        return patchSize;
    }

    public int patchDistance() {
        return patchDistance;
    }

    public float h() {
        return h;
    }

    public float sigma() {
        return sigma;
    }

    /**
     * Denoises the command's input with {@code operation} and writes {@code --output}; the parameters were built from
     * these options. Bad parameters or a patch larger than the image: IllegalArgumentException (exit 3).
     */
    public <P> Outcome run(ProcessContext ctx, Operation<P, ImageStack, ImageStack> operation, P params) {
        ctx.checkWritable(output);
        TiffStack in = ctx.read(ctx.input());
        Execution<ImageStack> e = ctx.engine().execute(operation, params, in.stack(), ctx.selection());
        ImageStack result = e.output();
        ctx.writeStack(output, result, in.metadata().withPixelType(PixelType.F32));
        String label = e.decision().choice().label();
        Report r = new Report(operation.id(), ctx.input().toString(), output.toString(), result.frames(), result.width(),
                result.height(), patchSize, patchDistance, h, sigma, label, e.seconds() * 1e3);
        return new Outcome(r, String.format(Locale.ROOT,
                "%s (patch %d, distance %d, h %s, sigma %s) on %d frame(s) of %dx%d with %s (%.1f ms) -> %s",
                operation.id(), patchSize, patchDistance, h, sigma, result.frames(), result.width(), result.height(), label,
                e.seconds() * 1e3, output));
    }
}
