package org.flowscope.methods.magnify;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.magnifyfourier.MagnifyFourier;
import org.flowscope.methods.magnifyfourier.MagnifyFourierParams;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code flowscope process magnify}: shift and magnify every frame with a chosen interpolator ({@link Magnify}, or
 * {@link MagnifyFourier} for {@code --interpolator fourier}) on the engine's fastest implementation.
 */
public final class MagnifyCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @Option(names = "--interpolator", paramLabel = "NAME", converter = ChoiceConverter.class,
                description = "nearest|bilinear|bicubic|catmull-rom|lanczos|fourier (default: ${DEFAULT-VALUE}).")
        InterpolatorChoice interpolator = InterpolatorChoice.CATMULL_ROM;

        @Option(names = "--magnification", required = true, paramLabel = "M",
                description = "Output pixels per input pixel along x (and y unless --magnification-y), > 0, need not be"
                        + " an integer (fourier: an integer).")
        float magnification;

        @Option(names = "--magnification-y", paramLabel = "MY", description = "Output rows per input row, > 0 (default: M).")
        Float magnificationY;

        @Option(names = "--shift-row", paramLabel = "PX", description = "Shift in input pixels, positive moves content down (default: 0).")
        float shiftRow;

        @Option(names = "--shift-col", paramLabel = "PX", description = "Shift in input pixels, positive moves content right (default: 0).")
        float shiftCol;

        @Option(names = "--geometry", paramLabel = "centred|nanopyx",
                description = "centred (default): output pixels sampled at their centres, edges repeated, 0 where a shift"
                        + " leaves no data; nanopyx: NanoPyx 2.1.2's ShiftAndMagnify exactly (sampled at i/M: 0.5/M input"
                        + " pixels off, edges attenuated by Catmull-Rom).")
        Sampling geometry = Sampling.CENTRED;
    }

    /** Parses {@code --interpolator}; a bad name is a usage error listing the accepted ones. */
    static final class ChoiceConverter implements ITypeConverter<InterpolatorChoice> {
        @Override
        public InterpolatorChoice convert(String value) {
            try {
                return InterpolatorChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** What {@code process magnify --json} reports. */
    public record Report(String input, String output, String interpolator, String geometry, float magnificationRow,
            float magnificationCol, float shiftRow, float shiftCol, int frames, int width, int height, String operation,
            String implementation, String device, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "magnify";
    }

    @Override
    public String[] description() {
        return new String[] {"Shift and magnify every frame of a TIFF stack with an interpolator (NanoPyx ShiftAndMagnify).",
                "Magnifications may be non-integer and differ between rows (--magnification-y) and columns; the output is"
                        + " trunc(H My) x trunc(W M). --geometry nanopyx reproduces NanoPyx's sampling at i/M."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        float mc = options.magnification;
        float mr = options.magnificationY != null ? options.magnificationY : mc;
        Execution<ImageStack> ex;
        if (options.interpolator == InterpolatorChoice.FOURIER) {
            MagnifyFourierParams p = MagnifyFourierParams.of(mr, mc, options.geometry, options.shiftRow, options.shiftCol);
            TiffStack in = ctx.read(ctx.input());
            ex = ctx.engine().execute(new MagnifyFourier(), p, in.stack(), ctx.selection());
            return written(ctx, in, ex, MagnifyFourier.ID, mr, mc);
        }
        MagnifyParams p = MagnifyParams.of(options.interpolator, options.geometry, options.shiftRow, options.shiftCol, mr, mc);
        TiffStack in = ctx.read(ctx.input());
        ex = ctx.engine().execute(new Magnify(), p, in.stack(), ctx.selection());
        return written(ctx, in, ex, Magnify.ID, mr, mc);
    }

    private Outcome written(ProcessContext ctx, TiffStack in, Execution<ImageStack> ex, String op, float mr, float mc) {
        ImageStack result = ex.output();
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            if (mr == mc) {
                md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / mc);
            } else {
                // one pixel size per file: anisotropic output pixels have none that is right
                md = new StackMetadata(OptionalDouble.empty(), md.frameIntervalMs(), md.pixelType());
                ctx.log().println("note: no pixel size written, the output pixels are anisotropic (rows x" + mr
                        + ", cols x" + mc + ")");
            }
        }
        ctx.writeStack(options.output, result, md);
        var choice = ex.decision().choice();
        Report r = new Report(ctx.input().toString(), options.output.toString(), options.interpolator.cliName(),
                options.geometry.name().toLowerCase(Locale.ROOT), mr, mc, options.shiftRow, options.shiftCol,
                result.frames(), result.width(), result.height(), op, choice.implementation(), choice.device().label(),
                ex.seconds());
        return new Outcome(r, String.format(Locale.ROOT, "magnify %s (%s) x%s of %d frame(s) of %dx%d -> %dx%d in %s (%s on %s, %.3f s)",
                options.interpolator.cliName(), r.geometry(), mr == mc ? Float.toString(mc) : mr + "/" + mc,
                result.frames(), in.stack().width(), in.stack().height(), result.width(), result.height(), options.output,
                choice.implementation(), choice.device().label(), ex.seconds()));
    }
}
