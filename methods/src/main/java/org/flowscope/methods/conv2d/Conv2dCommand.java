package org.flowscope.methods.conv2d;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Execution;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code flowscope process conv2d}: correlation with clamped borders ({@link Conv2d}), frame by frame, on the
 * engine's fastest implementation.
 *
 * <p>With {@code --kernel-size K} the kernel is a K&times;K Gaussian normalised to sum 1 with &sigma; = K/6 (so that
 * &plusmn;3&sigma; spans the kernel and it smooths without changing the mean; {@code --sigma} overrides), or a
 * K&times;K box of 1/K² with {@code --shape box}. With {@code --kernel FILE} the weights come from a one-frame TIFF
 * or a text file of rows of numbers (separated by spaces, tabs or commas; {@code #} starts a comment); they are used
 * as given, not normalised or flipped.
 */
public final class Conv2dCommand implements OfflineCommand {
    /** Generated kernel shapes. */
    public enum Shape {
        GAUSSIAN, BOX;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The command's own options. */
    public static final class Options {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
        Path output;

        @ArgGroup(exclusive = true, multiplicity = "1")
        KernelChoice kernel;

        @Option(names = "--shape", paramLabel = "gaussian|box",
                description = "Generated kernel shape: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Shape shape = Shape.GAUSSIAN;

        @Option(names = "--sigma", paramLabel = "PX", description = "Gaussian sigma in pixels (default K/6).")
        Double sigma;
    }

    /** {@code --kernel-size} or {@code --kernel}, exactly one. */
    static final class KernelChoice {
        @Option(names = "--kernel-size", paramLabel = "K", description = "Side of a generated kernel, 1..127.")
        Integer size;

        @Option(names = "--kernel", paramLabel = "FILE", description = "Kernel weights: one-frame TIFF or text rows.")
        Path file;
    }

    /** What {@code process conv2d --json} reports. */
    public record Report(String input, String output, int frames, int width, int height, int kernelRows, int kernelCols,
            String implementation, double computeMs) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public String[] description() {
        return new String[] {"2-D correlation with clamped borders (NanoPyx Convolution2D semantics), frame by frame.",
                "--kernel-size K: a KxK Gaussian (sigma K/6, sum 1) or box (--shape box).",
                "--kernel FILE: weights from a one-frame TIFF or a text file of rows, used as given."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        Conv2dParams params = options.kernel.size != null ? generated(options.kernel.size) : fromFile(ctx, options.kernel.file);
        TiffStack in = ctx.read(ctx.input());
        Execution<ImageStack> e = ctx.engine().execute(new Conv2d(), params, in.stack(), ctx.selection());
        ctx.writeStack(options.output, e.output(), in.metadata().withPixelType(PixelType.F32));
        String label = e.decision().choice().label();
        Report r = new Report(ctx.input().toString(), options.output.toString(), e.output().frames(), e.output().width(),
                e.output().height(), params.kh(), params.kw(), label, e.seconds() * 1e3);
        return new Outcome(r, String.format(Locale.ROOT, "conv2d %dx%d kernel on %d frame(s) of %dx%d with %s (%.1f ms) -> %s",
                params.kh(), params.kw(), e.output().frames(), e.output().width(), e.output().height(), label,
                e.seconds() * 1e3, options.output));
    }

    private Conv2dParams generated(int k) {
        if (options.shape == Shape.BOX) {
            if (options.sigma != null) {
                throw new IllegalArgumentException("--sigma applies to --shape gaussian only, got --shape box");
            }
            return Conv2dParams.box(k);
        }
        return Conv2dParams.gaussian(k, options.sigma != null ? options.sigma : k / 6.0);
    }

    /** Reads kernel weights from a one-frame TIFF or a text file of rows. */
    static Conv2dParams fromFile(ProcessContext ctx, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--kernel file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            ImageStack k = ctx.read(file).stack();
            if (k.frames() != 1) {
                throw new IllegalArgumentException("--kernel TIFF must have one frame, " + file + " has " + k.frames());
            }
            return new Conv2dParams(k.data(), k.height(), k.width());
        }
        List<float[]> rows = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (t.isEmpty()) {
                    continue;
                }
                String[] parts = t.split("[\\s,;]+");
                float[] row = new float[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        row[i] = Float.parseFloat(parts[i]);
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("--kernel " + file + " line " + lineNo + ": '" + parts[i] + "' is not a number");
                    }
                }
                rows.add(row);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read --kernel " + file, ex);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--kernel " + file + " holds no numbers");
        }
        return Conv2dParams.of(rows.toArray(new float[0][]));
    }
}
