package org.flowscope.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.app.engine.ExplainOption;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.conv2d.Conv2d;
import org.flowscope.methods.conv2d.Conv2dParams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
@Command(name = "conv2d",
        mixinStandardHelpOptions = true,
        description = {"2-D correlation with clamped borders (NanoPyx Convolution2D semantics), frame by frame.",
                "--kernel-size K: a KxK Gaussian (sigma K/6, sum 1) or box (--shape box).",
                "--kernel FILE: weights from a one-frame TIFF or a text file of rows, used as given."})
public final class Conv2dCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input TIFF stack (u8, u16 or f32).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
    Path output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KernelChoice kernel;

    static final class KernelChoice {
        @Option(names = "--kernel-size", paramLabel = "K", description = "Side of a generated kernel, 1..127.")
        Integer size;

        @Option(names = "--kernel", paramLabel = "FILE", description = "Kernel weights: one-frame TIFF or text rows.")
        Path file;
    }

    @Option(names = "--shape", defaultValue = "gaussian", paramLabel = "gaussian|box",
            description = "Generated kernel shape (default ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--sigma", paramLabel = "PX", description = "Gaussian sigma in pixels (default K/6).")
    Double sigma;

    @Mixin
    EngineOptions engine;

    @Mixin
    ExplainOption explain;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Force an implementation id (e.g. conv2d.opencl) instead of letting the engine choose.")
    String backend;

    @Override
    public Integer call() {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        Conv2dParams params = kernel.size != null ? generated(kernel.size) : fromFile(kernel.file);
        TiffStack in = TiffStacks.read(input);
        long t0 = System.nanoTime();
        Execution<ImageStack> e;
        try (Engine eng = Engine.create(engine.config());
                AutoCloseable log = explain.attach(eng, out.json() ? spec.commandLine().getErr() : out.out())) {
            RunOptions options = backend == null ? RunOptions.auto() : RunOptions.implementation(backend);
            e = eng.execute(new Conv2d(), params, in.stack(), options);
        } catch (Exception ex) {
            throw ex instanceof RuntimeException r ? r : new IllegalStateException(ex);
        }
        TiffStacks.write(output, e.output(), in.metadata().withPixelType(PixelType.F32), PixelType.F32,
                format.options(output, "conv2d"));
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("output", output.toString());
        r.put("frames", e.output().frames());
        r.put("width", e.output().width());
        r.put("height", e.output().height());
        r.put("kernelRows", params.kh());
        r.put("kernelCols", params.kw());
        r.put("implementation", e.decision().choice().label());
        r.put("computeMs", e.seconds() * 1e3);
        r.put("elapsedMs", ms);
        out.result(r, String.format(Locale.ROOT, "conv2d %dx%d kernel on %d frame(s) of %dx%d with %s (%.1f ms) -> %s",
                params.kh(), params.kw(), e.output().frames(), e.output().width(), e.output().height(),
                e.decision().choice().label(), e.seconds() * 1e3, output));
        return ExitCodes.OK;
    }

    private Conv2dParams generated(int k) {
        switch (shape.toLowerCase(Locale.ROOT)) {
            case "gaussian":
                return Conv2dParams.gaussian(k, sigma != null ? sigma : k / 6.0);
            case "box":
                if (sigma != null) {
                    throw new IllegalArgumentException("--sigma applies to --shape gaussian only, got --shape box");
                }
                return Conv2dParams.box(k);
            default:
                throw new IllegalArgumentException("--shape must be gaussian or box, got '" + shape + "'");
        }
    }

    /** Reads kernel weights from a one-frame TIFF or a text file of rows. */
    static Conv2dParams fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--kernel file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            ImageStack k = TiffStacks.read(file).stack();
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
