package org.flowscope.methods.squirrel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.methods.quality.QualityInputs;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process squirrel}: SQUIRREL error map, RSE and RSP of SR images against a widefield reference. */
public final class SquirrelCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--reference", required = true, paramLabel = "WIDEFIELD", description = "Diffraction-limited reference, TIFF.")
        Path reference;

        @Option(names = "--output", paramLabel = "FILE", description = "Error map(s) as float32 TIFF.")
        Path output;

        @Option(names = "--sigma", paramLabel = "PX", defaultValue = "0",
                description = "Fixed RSF sigma in reference pixels; 0 (default) estimates it.")
        double sigma;
    }

    /** One SR frame's figures. */
    public record FrameReport(int frame, double rse, double rsp, double rsfSigmaPx, double rsfSigmaReferencePx,
            double alpha, double beta, boolean sigmaAtBound) {
    }

    /** What {@code process squirrel --json} reports. */
    public record Report(String input, String reference, int magnification, List<FrameReport> results, String output) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "squirrel";
    }

    @Override
    public String[] description() {
        return new String[] {"SQUIRREL error map (Culley et al. 2018) of super-resolved images against a diffraction-limited reference.",
                "The reference (averaged if it has several frames) must be an integer magnification M of the SR grid.",
                "Each frame of --input is one SR image and gets its own error map, RSE, RSP and RSF sigma."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        if (options.output != null) {
            ctx.checkWritable(options.output);
            if (options.reference.toAbsolutePath().normalize().equals(options.output.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--output must differ from --reference, both are " + options.output);
            }
        }
        SquirrelParams params = new SquirrelParams(options.sigma, 1000);
        TiffStack sr = ctx.read(ctx.input());
        ImageStack ref = QualityInputs.mean(ctx.read(options.reference).stack());
        List<SquirrelResult> results = new ArrayList<>();
        ctx.progress().start("SQUIRREL, frames", sr.stack().frames());
        for (int f = 0; f < sr.stack().frames(); f++) {
            results.add(ctx.engine().run(new Squirrel(), params, new SquirrelInput(sr.stack().frame(f), ref), ctx.selection()));
            ctx.progress().advance(1);
        }
        if (options.output != null) {
            ImageStack first = results.get(0).errorMap();
            float[] maps = new float[results.size() * first.frameSize()];
            for (int f = 0; f < results.size(); f++) {
                System.arraycopy(results.get(f).errorMap().data(), 0, maps, f * first.frameSize(), first.frameSize());
            }
            StackMetadata md = StackMetadata.of(PixelType.F32);
            if (sr.metadata().pixelSizeNm().isPresent()) {
                md = md.withPixelSizeNm(sr.metadata().pixelSizeNm().getAsDouble());
            }
            ctx.writeStack(options.output, new ImageStack(results.size(), first.height(), first.width(), maps), md);
        }
        List<FrameReport> rows = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (int f = 0; f < results.size(); f++) {
            SquirrelResult r = results.get(f);
            rows.add(new FrameReport(f, r.rse(), r.rsp(), r.sigma(), r.sigmaReferencePx(), r.alpha(), r.beta(), r.sigmaAtBoundary()));
            human.append(String.format(Locale.ROOT, "frame %d: RSE %.4f  RSP %.4f  RSF sigma %.3f SR px%s%n", f, r.rse(), r.rsp(),
                    r.sigma(), r.sigmaAtBoundary() ? " (at the prior bound: no clear minimum)" : ""));
        }
        if (options.output != null) {
            human.append("error map(s) -> ").append(options.output);
        }
        return new Outcome(new Report(ctx.input().toString(), options.reference.toString(), results.get(0).magnification(),
                rows, options.output == null ? null : options.output.toString()), human.toString().strip());
    }
}
