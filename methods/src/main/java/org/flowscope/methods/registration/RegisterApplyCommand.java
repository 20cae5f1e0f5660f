package org.flowscope.methods.registration;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process register-apply}: aligns channels with a registration JSON. */
public final class RegisterApplyCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--registration", required = true, paramLabel = "FILE", description = "Registration JSON.")
        Path registration;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Aligned float32 TIFF.")
        Path output;

        @Option(names = "--mode", paramLabel = "LOCAL|GLOBAL",
                description = "Apply the local field (channels without one use their translation) or the global translation."
                        + " Default: ${DEFAULT-VALUE}.")
        ChannelAlignment.Mode mode = ChannelAlignment.Mode.LOCAL;

        @Option(names = "--interpolator", paramLabel = "NAME",
                description = "${COMPLETION-CANDIDATES} (FOURIER: global only). Default: ${DEFAULT-VALUE}.")
        Kernel interpolator = Kernel.LANCZOS3;
    }

    /** What {@code process register-apply --json} reports. */
    public record Report(String input, String registration, String output, int channels, String mode, String interpolator) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "register-apply";
    }

    @Override
    public String[] description() {
        return new String[] {"Align the channels of a TIFF (frames = channels) with a registration from register-estimate:",
                "the global translation or the local field per channel. Output: float32 TIFF."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        ImageStack channels = ChannelStacks.read(ctx.input());
        RegistrationResult reg = RegistrationResult.read(options.registration);
        ImageStack aligned = ChannelAlignment.apply(channels, reg, options.mode, options.interpolator);
        ctx.writeStack(options.output, aligned, StackMetadata.of(PixelType.F32));
        return new Outcome(new Report(ctx.input().toString(), options.registration.toString(), options.output.toString(),
                aligned.frames(), options.mode.name(), options.interpolator.name()),
                String.format(Locale.ROOT, "aligned %d channels (%s, %s) -> %s", aligned.frames(), options.mode,
                        options.interpolator, options.output));
    }
}
