package org.flowscope.methods.registration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process register-estimate}: channel registration to a reference channel. */
public final class RegisterEstimateCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--reference-channel", defaultValue = "0", paramLabel = "C", description = "Default: ${DEFAULT-VALUE}.")
        int referenceChannel;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Registration JSON.")
        Path output;

        @Option(names = "--blocks", defaultValue = "4", paramLabel = "N",
                description = "Blocks per axis for the local field (1 = global only). Default: ${DEFAULT-VALUE}.")
        int blocks = 4;

        @Option(names = "--max-shift", defaultValue = "0", paramLabel = "PX",
                description = "Largest global shift per axis searched (0 = half the image). Default: ${DEFAULT-VALUE}.")
        double maxShift;

        @Option(names = "--min-similarity", defaultValue = "0.5", paramLabel = "R",
                description = "Blocks with a correlation peak (Pearson) below this are ignored. Default: ${DEFAULT-VALUE}.")
        double minSimilarity = 0.5;

        @Option(names = "--smoothing-px", defaultValue = "0", paramLabel = "PX",
                description = "Gaussian sigma of the field regression (0 = block size). Default: ${DEFAULT-VALUE}.")
        double smoothingPx;
    }

    /** One channel's global registration. */
    public record ChannelReport(int channel, double dxPx, double dyPx, double similarity, Long acceptedBlocks) {
    }

    /** What {@code process register-estimate --json} reports. */
    public record Report(List<String> inputs, String output, int referenceChannel, int blocksPerAxis,
            List<ChannelReport> channels, String implementation) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "register-estimate";
    }

    @Override
    public String[] description() {
        return new String[] {"Estimate channel registration: a sub-pixel global translation per channel plus a smooth local",
                "displacement field from a grid of blocks. Channels are the frames of one TIFF, or one image per --input.",
                "JSON: per channel dx_px, dy_px = how far its content sits from the reference channel's."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        List<Path> inputs = ctx.inputs();
        ImageStack channels;
        if (inputs.size() == 1) {
            channels = ChannelStacks.read(inputs.get(0));
        } else {
            List<ImageStack> images = new ArrayList<>();
            for (Path p : inputs) {
                images.add(ChannelStacks.read(p));
            }
            channels = RegistrationEstimator.channels(images);
        }
        RegistrationParams params = new RegistrationParams(options.referenceChannel, options.blocks, options.maxShift,
                options.minSimilarity, options.smoothingPx);
        Execution<RegistrationResult> ex = ctx.engine().execute(new Registration(), params, channels, ctx.selection());
        RegistrationResult reg = ex.output();
        ctx.writeText(options.output, reg.toJson().toPrettyString());
        List<ChannelReport> rows = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (ChannelShift c : reg.channels()) {
            rows.add(new ChannelReport(c.channel(), c.dx(), c.dy(), c.similarity(),
                    c.field() == null ? null : c.field().acceptedBlocks()));
            human.append(String.format(Locale.ROOT, "channel %d: (%.3f, %.3f) px%s%n", c.channel(), c.dx(), c.dy(),
                    c.field() == null ? "" : ", local field from " + c.field().acceptedBlocks() + " blocks"));
        }
        human.append("-> ").append(options.output);
        return new Outcome(new Report(inputs.stream().map(Path::toString).toList(), options.output.toString(),
                options.referenceChannel, options.blocks, rows, ex.decision().choice().label()), human.toString());
    }
}
