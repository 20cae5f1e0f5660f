package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.output.OverwriteOption;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.methods.drift.DriftEstimator;
import org.flowscope.methods.drift.DriftParams;
import org.flowscope.methods.drift.DriftReference;
import org.flowscope.methods.drift.DriftTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope process drift-estimate}: per-frame drift of a TIFF stack, written as CSV or JSON. */
@Command(name = "drift-estimate",
        mixinStandardHelpOptions = true,
        description = {"Estimate the drift of every frame by cross-correlation (sub-pixel).",
                "Writes frame,dx_px,dy_px[,dx_nm,dy_nm]: how far the sample moved relative to the reference",
                "(x = columns, y = rows); drift-apply shifts each frame back by it. A .json output gets JSON."})
public final class DriftEstimateCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    DriftEngineOptions engineOptions;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input TIFF stack (u8, u16 or f32).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Drift table: .csv or .json.")
    Path output;

    @Option(names = "--reference", defaultValue = "first", paramLabel = "first|previous|FILE",
            description = "Reference: the first frame (block), the previous frame (block, accumulated) or an image file."
                    + " Default: ${DEFAULT-VALUE}.")
    String reference;

    @Option(names = "--time-averaging", defaultValue = "1", paramLabel = "N",
            description = "Frames averaged per block; drift is interpolated between block centres. Default: ${DEFAULT-VALUE}.")
    int timeAveraging;

    @Option(names = "--max-shift", defaultValue = "0", paramLabel = "PX",
            description = "Largest drift per axis searched, pixels (0 = half the image). Default: ${DEFAULT-VALUE}.")
    double maxShift;

    @Option(names = "--pixel-size-nm", paramLabel = "NM",
            description = "Pixel size for the nm columns (default: from the TIFF, else none).")
    Double pixelSizeNm;

    @Override
    public Integer call() {
        ProcessFiles.requireDistinct(input, output);
        TiffStacks.requireWritableParent(output);
        overwrite.check(output);
        long t0 = System.nanoTime();
        TiffStack in = TiffStacks.read(input);
        DriftReference mode;
        ImageStack refImage = null;
        switch (reference.toLowerCase(Locale.ROOT)) {
            case "first" -> mode = DriftReference.FIRST;
            case "previous" -> mode = DriftReference.PREVIOUS;
            default -> {
                mode = DriftReference.GIVEN;
                ImageStack r = TiffStacks.read(Path.of(reference)).stack();
                if (r.frames() != 1) {
                    throw new IllegalArgumentException("--reference image must have one frame, " + reference + " has "
                            + r.frames());
                }
                refImage = r;
            }
        }
        double px = pixelSizeNm != null ? pixelSizeNm : in.metadata().pixelSizeNm().orElse(0);
        DriftParams params = new DriftParams(mode, timeAveraging, maxShift, px);
        DriftTable table;
        try (Engine engine = engineOptions.open()) {
            table = new DriftEstimator(engineOptions.measurer(engine)).estimate(in.stack(), refImage, params);
        }
        table.write(output);
        double ms = (System.nanoTime() - t0) / 1e6;
        double[] max = table.maxAbs();
        int last = table.frames() - 1;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input.toString());
        r.put("output", output.toString());
        r.put("frames", table.frames());
        r.put("width", in.stack().width());
        r.put("height", in.stack().height());
        r.put("reference", mode == DriftReference.GIVEN ? reference : mode.name().toLowerCase(Locale.ROOT));
        r.put("timeAveraging", timeAveraging);
        r.put("maxShiftPx", maxShift);
        r.put("pixelSizeNm", px > 0 ? px : null);
        r.put("maxAbsDxPx", max[0]);
        r.put("maxAbsDyPx", max[1]);
        r.put("lastDxPx", table.dx(last));
        r.put("lastDyPx", table.dy(last));
        r.put("implementation", engineOptions.lastImplementation());
        r.put("elapsedMs", ms);
        r.put("drift", table.toJson().get("drift"));
        out.result(r, String.format(Locale.ROOT, "drift of %d frames (%dx%d) vs %s: last (%.3f, %.3f) px, max |dx| %.3f |dy| %.3f"
                        + " -> %s (%.0f ms)", table.frames(), in.stack().width(), in.stack().height(), r.get("reference"),
                table.dx(last), table.dy(last), max[0], max[1], output, ms));
        return ExitCodes.OK;
    }
}
