package org.flowscope.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;

/** File helpers shared by {@code process frc|decorr|squirrel}. */
final class QualityFiles {
    private QualityFiles() {
    }

    /** A sibling-free default output: {@code <input stem><suffix>} in the current directory. */
    static Path defaultOutput(Path input, String suffix) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(stem + suffix);
    }

    /** {@code plot} if its name ends in .svg (plots are SVG); IllegalArgumentException naming it otherwise. */
    static Path requireSvg(Path plot) {
        if (!plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            throw new IllegalArgumentException("--plot writes an SVG file and its name must end in .svg, got " + plot);
        }
        return plot;
    }

    /** Writes text atomically (temporary name, then rename) so a partial file never looks complete. */
    static void writeText(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The pixel size to use: the option if given, else the file's calibration, else unknown (NaN). */
    static double pixelSize(Double option, TiffStack file) {
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
    static ImageStack mean(ImageStack stack) {
        return stack.frames() == 1 ? stack : org.flowscope.methods.quality.ImageChecks.meanOfFrames(stack, 0, 1);
    }

    /** Frame {@code k} of the stack, or the mean of all frames when {@code k} is null. */
    static ImageStack frameOrMean(ImageStack stack, Integer k) {
        if (k == null) {
            return mean(stack);
        }
        if (k < 0 || k >= stack.frames()) {
            throw new IllegalArgumentException("--frame must be in [0, " + stack.frames() + "), got " + k);
        }
        return stack.frame(k);
    }

    static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
