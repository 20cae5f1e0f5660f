package org.flowscope.methods.transform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code flowscope process transform}: shift, scale and rotate every frame about its centre ({@link Transform},
 * NanoPyx's ShiftScaleRotate) on the engine's fastest implementation.
 */
public final class TransformCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @Option(names = "--interpolator", paramLabel = "NAME", converter = ChoiceConverter.class,
                description = "nearest|bilinear|bicubic|catmull-rom|lanczos (default: ${DEFAULT-VALUE}).")
        InterpolatorChoice interpolator = InterpolatorChoice.CATMULL_ROM;

        @Option(names = "--angle", paramLabel = "RAD", description = "Rotation about the centre in radians, positive"
                + " counter-clockwise (default: 0).")
        Float angle;

        @Option(names = "--angle-degrees", paramLabel = "DEG", description = "The rotation in degrees instead.")
        Float angleDegrees;

        @Option(names = "--scale", paramLabel = "S", description = "Zoom of both axes, > 0 (default: 1).")
        float scale = 1;

        @Option(names = "--scale-row", paramLabel = "S", description = "Zoom along rows (default: --scale).")
        Float scaleRow;

        @Option(names = "--scale-col", paramLabel = "S", description = "Zoom along columns (default: --scale).")
        Float scaleCol;

        @Option(names = "--shift-row", paramLabel = "PX", description = "Shift in input pixels, positive moves content down (default: 0).")
        float shiftRow;

        @Option(names = "--shift-col", paramLabel = "PX", description = "Shift in input pixels, positive moves content right (default: 0).")
        float shiftCol;

        @Option(names = "--geometry", paramLabel = "centred|nanopyx",
                description = "centred (default): pixel centres and the true image centre, so the identity is exact;"
                        + " nanopyx: NanoPyx 2.1.2's ShiftScaleRotate (integer coordinates, centre (H div 2, W div 2)).")
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

    /** What {@code process transform --json} reports. */
    public record Report(String input, String output, String interpolator, String geometry, float angleRadians,
            float scaleRow, float scaleCol, float shiftRow, float shiftCol, int frames, int width, int height,
            String implementation, String device, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public String[] description() {
        return new String[] {"Shift, scale and rotate every frame about its centre (NanoPyx ShiftScaleRotate).",
                "The output has the input's size; pixels that map outside the input are 0."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        if (options.angle != null && options.angleDegrees != null) {
            throw new IllegalArgumentException("give --angle (radians) or --angle-degrees, not both: got " + options.angle
                    + " rad and " + options.angleDegrees + " deg");
        }
        float angle = options.angleDegrees != null ? (float) Math.toRadians(options.angleDegrees)
                : options.angle != null ? options.angle : 0f;
        float sr = options.scaleRow != null ? options.scaleRow : options.scale;
        float sc = options.scaleCol != null ? options.scaleCol : options.scale;
        TransformParams p = TransformParams.of(options.interpolator, options.geometry, options.shiftRow, options.shiftCol,
                sr, sc, angle);
        TiffStack in = ctx.read(ctx.input());
        Execution<ImageStack> ex = ctx.engine().execute(new Transform(), p, in.stack(), ctx.selection());
        ImageStack result = ex.output();
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            if (sr == sc) {
                // zoomed by S, an output pixel covers 1/S of an input pixel
                md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / sc);
            } else {
                md = new StackMetadata(OptionalDouble.empty(), md.frameIntervalMs(), md.pixelType());
                ctx.log().println("note: no pixel size written, the scales differ (rows " + sr + ", cols " + sc + ")");
            }
        }
        ctx.writeStack(options.output, result, md);
        var choice = ex.decision().choice();
        Report r = new Report(ctx.input().toString(), options.output.toString(), options.interpolator.cliName(),
                options.geometry.name().toLowerCase(Locale.ROOT), angle, sr, sc, options.shiftRow, options.shiftCol,
                result.frames(), result.width(), result.height(), choice.implementation(), choice.device().label(),
                ex.seconds());
        return new Outcome(r, String.format(Locale.ROOT,
                "transform %s (%s) angle %.4f rad, scale %s/%s, shift %s,%s of %d frame(s) of %dx%d -> %s (%s on %s, %.3f s)",
                r.interpolator(), r.geometry(), angle, sr, sc, options.shiftRow, options.shiftCol, result.frames(),
                result.width(), result.height(), options.output, choice.implementation(), choice.device().label(),
                ex.seconds()));
    }
}
