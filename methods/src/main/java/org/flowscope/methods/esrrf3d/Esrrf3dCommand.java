package org.flowscope.methods.esrrf3d;

import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Execution;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope process esrrf3d}: eSRRF 3-D of a volume or a time series of volumes (an ImageJ hyperstack with
 * slices, an OME-TIFF with SizeZ, or a plain multi-page TIFF with {@code --slices}), written as a hyperstack of
 * {@code Z Mz} slices per output time point with the voxel size carried over (xy / Mxy, z / Mz).
 */
public final class Esrrf3dCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Mixin
        Esrrf3dOptions esrrf3d = new Esrrf3dOptions();

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output float32 hyperstack.")
        Path output;
    }

    /**
     * What {@code process esrrf3d --json} reports.
     *
     * @param voxelRatioSource where the voxel ratio came from: "option", "file" (z step / pixel size) or "default"
     * @param seconds          the engine's measured compute time
     */
    public record Report(String input, String output, int inputTimePoints, int inputSlices, int outputTimePoints,
            int outputSlices, int width, int height, Esrrf3dParams params, double radiusZ, String voxelRatioSource,
            String implementation, String device, double seconds) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "esrrf3d";
    }

    @Override
    public String[] description() {
        return new String[] {"eSRRF 3-D of a volume or a time series of volumes (ImageJ/OME hyperstack, TZYX).",
                "Defaults are NanoPyx's (x2 laterally and axially, radius 1.5, psf-ratio 2.8, average, intensity "
                        + "weighting, macro-pixel correction) except --geometry, which is centred (geometrically exact) "
                        + "unless set to nanopyx."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        Path file = ctx.input();
        TiffStack in = TiffStacks.readHyperstack(file);
        StackMetadata md = in.metadata();
        int slices = slices(md, in.stack().frames(), file);
        String source = "option";
        double fileRatio = Esrrf3dOptions.DEFAULT_VOXEL_RATIO;
        if (!options.esrrf3d.voxelRatioGiven()) {
            boolean known = md.zStepNm().isPresent() && md.pixelSizeNm().isPresent();
            source = known ? "file" : "default";
            if (known) {
                fileRatio = md.zStepNm().getAsDouble() / md.pixelSizeNm().getAsDouble();
            }
        }
        Esrrf3dParams params = options.esrrf3d.params(fileRatio);
        VolumeStack volumes = new VolumeStack(in.stack(), slices);
        Esrrf3d op = new Esrrf3d();
        op.validate(params, volumes);
        Execution<VolumeStack> ex = ctx.engine().execute(op, params, volumes, ctx.selection());
        VolumeStack result = ex.output();
        StackMetadata out = md.withPixelType(PixelType.F32).withSlices(result.slices());
        if (md.pixelSizeNm().isPresent()) {
            out = out.withPixelSizeNm(md.pixelSizeNm().getAsDouble() / params.magnificationXy());
        }
        out = out.withZStepNm(md.zStepNm().isPresent() ? md.zStepNm().getAsDouble() / params.magnificationZ() : 0);
        if (md.frameIntervalMs().isPresent()) {
            out = out.withFrameIntervalMs(md.frameIntervalMs().getAsDouble() * params.blockLength(volumes.timePoints()));
        }
        ctx.writeStack(options.output, result.planes(), out);
        var choice = ex.decision().choice();
        Report r = new Report(file.toString(), options.output.toString(), volumes.timePoints(), slices,
                result.timePoints(), result.slices(), result.width(), result.height(), params, params.radiusZ(), source,
                choice.implementation(), choice.device().label(), ex.seconds());
        return new Outcome(r, String.format(Locale.ROOT,
                "eSRRF 3-D x%d/x%d of %d volume(s) of %dx%dx%d -> %d volume(s) of %dx%dx%d in %s (radius_z %.3g slices, "
                        + "voxel ratio %.3g from %s; %s on %s, %.2f s)",
                params.magnificationXy(), params.magnificationZ(), volumes.timePoints(), volumes.width(),
                volumes.height(), slices, result.timePoints(), result.width(), result.height(), result.slices(),
                options.output, params.radiusZ(), params.voxelRatio(), source, choice.implementation(),
                choice.device().label(), ex.seconds()));
    }

    /** Z from the file or {@code --slices}; IllegalArgumentException for a stack without a z axis. */
    private int slices(StackMetadata md, int planes, Path file) {
        Integer given = options.esrrf3d.slices;
        if (given != null) {
            if (given < 1) {
                throw new IllegalArgumentException("--slices must be >= 1, got " + given);
            }
            if (md.slices() > 1 && md.slices() != given) {
                throw new IllegalArgumentException("--slices " + given + " contradicts " + file + ", whose metadata says "
                        + md.slices() + " slices per time point");
            }
            if (planes % given != 0) {
                throw new IllegalArgumentException("--slices " + given + " does not divide the " + planes + " planes of "
                        + file);
            }
        }
        int z = given != null ? given : md.slices();
        if (z < 2) {
            throw new IllegalArgumentException(file + " has no z axis (1 slice per time point, " + planes + " planes):"
                    + " eSRRF 3-D needs a ZYX or TZYX hyperstack (ImageJ slices=, OME SizeZ); give --slices Z for a plain"
                    + " multi-page z-stack, or use process esrrf for a 2-D time series");
        }
        return z;
    }
}
