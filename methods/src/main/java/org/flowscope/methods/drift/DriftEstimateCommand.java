package org.flowscope.methods.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Option;

/** {@code flowscope process drift-estimate}: per-frame drift of a TIFF stack, written as CSV or JSON. */
public final class DriftEstimateCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Drift table: .csv or .json.")
        Path output;

        @Option(names = "--reference", defaultValue = "first", paramLabel = "first|previous|FILE",
                description = "Reference: the first frame (block), the previous frame (block, accumulated) or an image file."
                        + " Default: ${DEFAULT-VALUE}.")
        String reference = "first";

        @Option(names = "--time-averaging", defaultValue = "1", paramLabel = "N",
                description = "Frames averaged per block; drift is interpolated between block centres. Default: ${DEFAULT-VALUE}.")
        int timeAveraging = 1;

        @Option(names = "--max-shift", defaultValue = "0", paramLabel = "PX",
                description = "Largest drift per axis searched, pixels (0 = half the image). Default: ${DEFAULT-VALUE}.")
        double maxShift;

        @Option(names = "--pixel-size-nm", paramLabel = "NM",
                description = "Pixel size for the nm columns (default: from the TIFF, else none).")
        Double pixelSizeNm;
    }

    /** What {@code process drift-estimate --json} reports; {@code drift} is the table as drift-apply reads it. */
    public record Report(String input, String output, int frames, int width, int height, String reference, int timeAveraging,
            double maxShiftPx, Double pixelSizeNm, double maxAbsDxPx, double maxAbsDyPx, double lastDxPx, double lastDyPx,
            String implementation, JsonNode drift) {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "drift-estimate";
    }

    @Override
    public String[] description() {
        return new String[] {"Estimate the drift of every frame by cross-correlation (sub-pixel).",
                "Writes frame,dx_px,dy_px[,dx_nm,dy_nm]: how far the sample moved relative to the reference",
                "(x = columns, y = rows); drift-apply shifts each frame back by it. A .json output gets JSON."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        ctx.checkWritable(options.output);
        TiffStack in = ctx.read(ctx.input());
        DriftReference mode;
        ImageStack refImage = null;
        switch (options.reference.toLowerCase(Locale.ROOT)) {
            case "first" -> mode = DriftReference.FIRST;
            case "previous" -> mode = DriftReference.PREVIOUS;
            default -> {
                mode = DriftReference.GIVEN;
                ImageStack r = ctx.read(Path.of(options.reference)).stack();
                if (r.frames() != 1) {
                    throw new IllegalArgumentException("--reference image must have one frame, " + options.reference
                            + " has " + r.frames());
                }
                refImage = r;
            }
        }
        double px = options.pixelSizeNm != null ? options.pixelSizeNm : in.metadata().pixelSizeNm().orElse(0);
        DriftParams params = new DriftParams(mode, options.timeAveraging, options.maxShift, px);
        DriftEngineCalls calls = new DriftEngineCalls(ctx.engine(), ctx.selection());
        DriftTable table = new DriftEstimator(calls.measurer()).estimate(in.stack(), refImage, params);
        ctx.writeText(options.output, table.text(options.output));
        double[] max = table.maxAbs();
        int last = table.frames() - 1;
        String ref = mode == DriftReference.GIVEN ? options.reference : mode.name().toLowerCase(Locale.ROOT);
        Report r = new Report(ctx.input().toString(), options.output.toString(), table.frames(), in.stack().width(),
                in.stack().height(), ref, options.timeAveraging, options.maxShift, px > 0 ? px : null, max[0], max[1],
                table.dx(last), table.dy(last), calls.lastImplementation(), table.toJson().get("drift"));
        return new Outcome(r, String.format(Locale.ROOT,
                "drift of %d frames (%dx%d) vs %s: last (%.3f, %.3f) px, max |dx| %.3f |dy| %.3f -> %s", table.frames(),
                in.stack().width(), in.stack().height(), ref, table.dx(last), table.dy(last), max[0], max[1], options.output));
    }
}
