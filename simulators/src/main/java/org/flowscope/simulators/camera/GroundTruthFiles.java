package org.flowscope.simulators.camera;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.simulators.sample.Emitter;

/**
 * Writes ground truth next to a stack {@code <dir>/<base>.tif}, each file atomically:
 * <ul>
 *   <li>{@code <base>_emitters.csv}: {@code id,x_px,y_px,x_nm,y_nm,photons_per_frame,on_frames};</li>
 *   <li>{@code <base>_drift.csv}: {@code frame,dx_px,dy_px,dx_nm,dy_nm};</li>
 *   <li>{@code <base>_truth_x<M>.tif}: {@link GroundTruth#render} at magnification M (float32, pixel size / M).</li>
 * </ul>
 * The CSVs start with {@code #} comment lines stating the coordinate convention (pixel k spans [k, k+1), centre
 * k + 0.5; x = column, y = row; sample coordinates before drift); skip lines starting with {@code #} when parsing.
 */
public final class GroundTruthFiles {
    private static final String CONVENTION = "# coordinates: continuous camera pixels, pixel k spans [k, k+1) (centre k+0.5); "
            + "x = column, y = row; nm = px * pixel size";

    private GroundTruthFiles() {
    }

    /** The files written for {@code stack}: emitters, drift, truth image (in that order). */
    public static Map<String, Path> paths(Path stack, int magnification) {
        String name = stack.getFileName().toString();
        String base = name.replaceFirst("(?i)\\.tiff?$", "");
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("emitters", stack.resolveSibling(base + "_emitters.csv"));
        m.put("drift", stack.resolveSibling(base + "_drift.csv"));
        m.put("truthImage", stack.resolveSibling(base + "_truth_x" + magnification + ".tif"));
        return m;
    }

    /** Writes the three files; returns their paths. */
    public static Map<String, Path> write(Path stack, GroundTruth truth, int magnification, double renderSigmaHighResPx) {
        Map<String, Path> p = paths(stack, magnification);
        double nm = truth.params().camera().pixelSizeNm();
        TiffStacks.writeAtomically(p.get("emitters"), out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println(CONVENTION);
            w.println("# sample positions before drift: observed position in frame t = (x + dx(t), y + dy(t)), see _drift.csv");
            w.println("id,x_px,y_px,x_nm,y_nm,photons_per_frame,on_frames");
            for (Emitter e : truth.emitters()) {
                w.printf(Locale.ROOT, "%d,%.6f,%.6f,%.3f,%.3f,%.3f,%d%n", e.id(), e.x(), e.y(), e.x() * nm, e.y() * nm,
                        e.photons(), truth.onFrames()[e.id()]);
            }
            w.flush();
        });
        TiffStacks.writeAtomically(p.get("drift"), out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println(CONVENTION);
            w.println("# drift of the sample relative to frame 0: observed = sample + (dx, dy)");
            w.println("frame,dx_px,dy_px,dx_nm,dy_nm");
            for (int t = 0; t < truth.frames(); t++) {
                double[] d = truth.drift()[t];
                w.printf(Locale.ROOT, "%d,%.6f,%.6f,%.3f,%.3f%n", t, d[0], d[1], d[0] * nm, d[1] * nm);
            }
            w.flush();
        });
        TiffStacks.writeF32(p.get("truthImage"), truth.render(magnification, renderSigmaHighResPx),
                StackMetadata.of(PixelType.F32, nm / magnification, 0));
        return p;
    }
}
