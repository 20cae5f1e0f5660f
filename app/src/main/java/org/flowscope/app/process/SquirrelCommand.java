package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.Engine;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.quality.squirrel.Squirrel;
import org.flowscope.methods.quality.squirrel.SquirrelInput;
import org.flowscope.methods.quality.squirrel.SquirrelParams;
import org.flowscope.methods.quality.squirrel.SquirrelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope process squirrel}: SQUIRREL error map, RSE and RSP of SR images against a widefield reference, through
 * the engine (sequential or threaded blurs, bit-identical).
 */
@Command(name = "squirrel",
        mixinStandardHelpOptions = true,
        description = {"SQUIRREL error map (Culley et al. 2018) of super-resolved images against a diffraction-limited reference.",
                "The reference (averaged if it has several frames) must be an integer magnification M of the SR grid.",
                "Each frame of --input is one SR image and gets its own error map, RSE, RSP and RSF sigma."})
public final class SquirrelCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    OutputFormatOption format;

    @Mixin
    EngineOptions engine;

    @Option(names = "--input", required = true, paramLabel = "SR", description = "Super-resolved image(s), TIFF.")
    Path input;

    @Option(names = "--reference", required = true, paramLabel = "WIDEFIELD", description = "Diffraction-limited reference, TIFF.")
    Path reference;

    @Option(names = "--output", paramLabel = "FILE", description = "Error map(s) as float32 TIFF.")
    Path output;

    @Option(names = "--sigma", paramLabel = "PX", defaultValue = "0",
            description = "Fixed RSF sigma in reference pixels; 0 (default) estimates it.")
    double sigma;

    @Override
    public Integer call() {
        if (output != null) {
            ProcessFiles.requireDistinct(input, output);
            ProcessFiles.requireDistinct(reference, output);
            TiffStacks.requireWritableParent(output);
            overwrite.check(output);
        }
        SquirrelParams params = new SquirrelParams(sigma, 1000);
        TiffStack sr = TiffStacks.read(input);
        ImageStack ref = QualityFiles.mean(TiffStacks.read(reference).stack());
        long t0 = System.nanoTime();
        List<SquirrelResult> results = new ArrayList<>();
        try (Engine e = Engine.create(engine.config())) {
            for (int f = 0; f < sr.stack().frames(); f++) {
                results.add(e.run(new Squirrel(), params, new SquirrelInput(sr.stack().frame(f), ref)));
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (output != null) {
            ImageStack first = results.get(0).errorMap();
            float[] maps = new float[results.size() * first.frameSize()];
            for (int f = 0; f < results.size(); f++) {
                System.arraycopy(results.get(f).errorMap().data(), 0, maps, f * first.frameSize(), first.frameSize());
            }
            StackMetadata md = StackMetadata.of(PixelType.F32);
            if (sr.metadata().pixelSizeNm().isPresent()) {
                md = md.withPixelSizeNm(sr.metadata().pixelSizeNm().getAsDouble());
            }
            TiffStacks.write(output, new ImageStack(results.size(), first.height(), first.width(), maps), md, PixelType.F32,
                    format.options(output, "squirrel error"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (int f = 0; f < results.size(); f++) {
            SquirrelResult r = results.get(f);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("frame", f);
            row.put("rse", r.rse());
            row.put("rsp", r.rsp());
            row.put("rsf_sigma_px", r.sigma());
            row.put("rsf_sigma_reference_px", r.sigmaReferencePx());
            row.put("alpha", r.alpha());
            row.put("beta", r.beta());
            row.put("sigma_at_bound", r.sigmaAtBoundary());
            rows.add(row);
            human.append(String.format("frame %d: RSE %.4f  RSP %.4f  RSF sigma %.3f SR px%s%n", f, r.rse(), r.rsp(), r.sigma(),
                    r.sigmaAtBoundary() ? " (at the prior bound: no clear minimum)" : ""));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("reference", reference.toString());
        m.put("magnification", results.get(0).magnification());
        if (results.size() == 1) {
            m.putAll(rows.get(0));
            m.remove("frame");
        }
        m.put("results", rows);
        m.put("output", output == null ? null : output.toString());
        m.put("elapsedMs", ms);
        if (output != null) {
            human.append("error map(s) -> ").append(output);
        }
        out.result(m, human.toString().strip());
        return ExitCodes.OK;
    }
}
