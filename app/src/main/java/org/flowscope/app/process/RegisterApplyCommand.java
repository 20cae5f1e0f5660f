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
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.registration.ChannelAlignment;
import org.flowscope.methods.registration.RegistrationResult;
import org.flowscope.methods.shift.Interpolator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process register-apply}: aligns channels with a registration JSON. */
@Command(name = "register-apply",
        mixinStandardHelpOptions = true,
        description = {"Align the channels of a TIFF (frames = channels) with a registration from register-estimate:",
                "the global translation or the local field per channel. Output: float32 TIFF."})
public final class RegisterApplyCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Multi-channel TIFF.")
    Path input;

    @Option(names = "--registration", required = true, paramLabel = "FILE", description = "Registration JSON.")
    Path registration;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Aligned float32 TIFF.")
    Path output;

    @Option(names = "--mode", defaultValue = "LOCAL", paramLabel = "LOCAL|GLOBAL",
            description = "Apply the local field (channels without one use their translation) or the global translation."
                    + " Default: ${DEFAULT-VALUE}.")
    ChannelAlignment.Mode mode;

    @Option(names = "--interpolator", defaultValue = "LANCZOS3", paramLabel = "NAME",
            description = "LANCZOS3, CATMULL_ROM, LINEAR (FOURIER: global only). Default: ${DEFAULT-VALUE}.")
    Interpolator interpolator;

    @Override
    public Integer call() {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        long t0 = System.nanoTime();
        ImageStack channels = ChannelStacks.read(input);
        RegistrationResult reg = RegistrationResult.read(registration);
        ImageStack aligned = ChannelAlignment.apply(channels, reg, mode, interpolator);
        TiffStacks.write(output, aligned, StackMetadata.of(PixelType.F32), PixelType.F32, format.options(output, "aligned"));
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("registration", registration.toString());
        r.put("output", output.toString());
        r.put("channels", aligned.frames());
        r.put("mode", mode.name());
        r.put("interpolator", interpolator.name());
        r.put("elapsedMs", ms);
        out.result(r, String.format(Locale.ROOT, "aligned %d channels (%s, %s) -> %s (%.0f ms)", aligned.frames(), mode,
                interpolator, output, ms));
        return ExitCodes.OK;
    }
}
