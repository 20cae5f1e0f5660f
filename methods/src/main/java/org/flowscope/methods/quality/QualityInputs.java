package org.flowscope.methods.quality;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;

/** Input conventions shared by the {@code process frc|decorr|squirrel} commands. */
public final class QualityInputs {
    private QualityInputs() {
    }

    /** {@code <input stem><suffix>} in the current directory: the default place of a curve file. */
    public static Path defaultOutput(Path input, String suffix) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(stem + suffix);
    }

    /** The pixel size to use: the option if given, else the file's calibration, else unknown (NaN). */
    public static double pixelSize(Double option, TiffStack file) {
        if (option != null) {
            if (!(option > 0) || option.isInfinite()) {
                throw new IllegalArgumentException("--pixel-size must be a positive number of nm, got " + option);
            }
            return option;
        }
        OptionalDouble md = file.metadata().pixelSizeNm();
        return md.isPresent() ? md.getAsDouble() : Double.NaN;
    }

    /** The temporal mean of all frames (the frame itself for a one-frame stack). */
    public static ImageStack mean(ImageStack stack) {
        return stack.frames() == 1 ? stack : ImageChecks.meanOfFrames(stack, 0, 1);
    }

    /** Frame {@code k} of the stack, or the mean of all frames when {@code k} is null. */
    public static ImageStack frameOrMean(ImageStack stack, Integer k) {
        if (k == null) {
            return mean(stack);
        }
        if (k < 0 || k >= stack.frames()) {
            throw new IllegalArgumentException("--frame must be in [0, " + stack.frames() + "), got " + k);
        }
        return stack.frame(k);
    }

    /** {@code v}, or null when it is not finite (JSON has no NaN). */
    public static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
