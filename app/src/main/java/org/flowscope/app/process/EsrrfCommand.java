package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.app.engine.ExplainOption;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.esrrf.EsrrfParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process esrrf}: eSRRF of a TIFF stack, the offline twin of {@code live --op esrrf}. */
@Command(name = "esrrf",
        mixinStandardHelpOptions = true,
        description = {"eSRRF super-resolution of a TIFF stack (one output frame per time point).",
                "Defaults are NanoPyx's (x5, radius 1.5, sensitivity 1, AVG, intensity weighting, macro-pixel "
                        + "correction) except --geometry, which is centred (geometrically exact) unless set to nanopyx."})
public final class EsrrfCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @Mixin
    EsrrfOptions esrrf;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    ExplainOption explain;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input TIFF stack (u8, u16 or f32).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 TIFF.")
    Path output;

    @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
            description = "Frames per output frame; 0 (default) makes one frame of the whole stack.")
    int framesPerTimePoint;

    @Override
    public Integer call() throws Exception {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        EsrrfParams params = esrrf.params(framesPerTimePoint);
        var runOptions = esrrf.runOptions();
        TiffStack in = TiffStacks.read(input);
        Esrrf op = new Esrrf();
        op.validate(params, in.stack());
        Execution<ImageStack> ex;
        try (Engine engine = Engine.create(engineOptions.config());
                AutoCloseable log = explain.attach(engine, out.json() ? new java.io.PrintWriter(System.err, true) : out.out())) {
            ex = engine.execute(op, params, in.stack(), runOptions);
        }
        ImageStack result = ex.output();
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / params.magnification());
        }
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * params.blockLength(in.stack().frames()));
        }
        TiffStacks.write(output, result, md, PixelType.F32, format.options(output, "esrrf"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("output", output.toString());
        r.put("inputFrames", in.stack().frames());
        r.put("outputFrames", result.frames());
        r.put("width", result.width());
        r.put("height", result.height());
        r.put("params", params);
        r.put("implementation", ex.decision().choice().implementation());
        r.put("device", ex.decision().choice().device().label());
        r.put("seconds", ex.seconds());
        out.result(r, String.format(java.util.Locale.ROOT,
                "eSRRF x%d of %d frames of %dx%d -> %d frame(s) of %dx%d in %s (%s on %s, %.2f s)",
                params.magnification(), in.stack().frames(), in.stack().width(), in.stack().height(), result.frames(),
                result.width(), result.height(), output, ex.decision().choice().implementation(),
                ex.decision().choice().device().label(), ex.seconds()));
        return ExitCodes.OK;
    }
}
