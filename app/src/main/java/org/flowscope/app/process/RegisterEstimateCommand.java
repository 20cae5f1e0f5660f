package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.methods.registration.ChannelRegistration;
import org.flowscope.methods.registration.ChannelShift;
import org.flowscope.methods.registration.RegistrationParams;
import org.flowscope.methods.registration.RegistrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process register-estimate}: channel registration to a reference channel. */
@Command(name = "register-estimate",
        mixinStandardHelpOptions = true,
        description = {"Estimate channel registration: a sub-pixel global translation per channel plus a smooth local",
                "displacement field from a grid of blocks. Channels are the frames of one TIFF, or one image per --input.",
                "JSON: per channel dx_px, dy_px = how far its content sits from the reference channel's."})
public final class RegisterEstimateCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    DriftEngineOptions engineOptions;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
            description = "A multi-channel TIFF (frames = channels), or several single-channel TIFFs.")
    List<Path> inputs;

    @Option(names = "--reference-channel", defaultValue = "0", paramLabel = "C", description = "Default: ${DEFAULT-VALUE}.")
    int referenceChannel;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Registration JSON.")
    Path output;

    @Option(names = "--blocks", defaultValue = "4", paramLabel = "N",
            description = "Blocks per axis for the local field (1 = global only). Default: ${DEFAULT-VALUE}.")
    int blocks;

    @Option(names = "--max-shift", defaultValue = "0", paramLabel = "PX",
            description = "Largest global shift per axis searched (0 = half the image). Default: ${DEFAULT-VALUE}.")
    double maxShift;

    @Option(names = "--min-similarity", defaultValue = "0.5", paramLabel = "R",
            description = "Blocks with a correlation peak (Pearson) below this are ignored. Default: ${DEFAULT-VALUE}.")
    double minSimilarity;

    @Option(names = "--smoothing-px", defaultValue = "0", paramLabel = "PX",
            description = "Gaussian sigma of the field regression (0 = block size). Default: ${DEFAULT-VALUE}.")
    double smoothingPx;

    @Override
    public Integer call() {
        for (Path p : inputs) {
            ProcessFiles.requireDistinct(p, output);
        }
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        long t0 = System.nanoTime();
        ImageStack channels;
        if (inputs.size() == 1) {
            channels = ChannelStacks.read(inputs.get(0));
        } else {
            List<ImageStack> images = new ArrayList<>();
            for (Path p : inputs) {
                images.add(ChannelStacks.read(p));
            }
            channels = ChannelRegistration.channels(images);
        }
        RegistrationParams params = new RegistrationParams(referenceChannel, blocks, maxShift, minSimilarity, smoothingPx);
        RegistrationResult reg;
        try (Engine engine = engineOptions.open()) {
            reg = new ChannelRegistration(engineOptions.measurer(engine)).estimate(channels, params);
        }
        reg.write(output);
        double ms = (System.nanoTime() - t0) / 1e6;
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (ChannelShift c : reg.channels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", c.channel());
            m.put("dx_px", c.dx());
            m.put("dy_px", c.dy());
            m.put("similarity", c.similarity());
            m.put("acceptedBlocks", c.field() == null ? null : c.field().acceptedBlocks());
            rows.add(m);
            human.append(String.format(Locale.ROOT, "channel %d: (%.3f, %.3f) px%s%n", c.channel(), c.dx(), c.dy(),
                    c.field() == null ? "" : ", local field from " + c.field().acceptedBlocks() + " blocks"));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("inputs", inputs.stream().map(Path::toString).toList());
        r.put("output", output.toString());
        r.put("referenceChannel", referenceChannel);
        r.put("blocksPerAxis", blocks);
        r.put("channels", rows);
        r.put("implementation", engineOptions.lastImplementation());
        r.put("elapsedMs", ms);
        human.append(String.format(Locale.ROOT, "-> %s (%.0f ms)", output, ms));
        out.result(r, human.toString());
        return ExitCodes.OK;
    }
}
