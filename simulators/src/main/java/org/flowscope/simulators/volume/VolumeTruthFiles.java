package org.flowscope.simulators.volume;

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

/**
 * Writes the ground truth of a simulated volume series next to its stack {@code <dir>/<base>.tif}, each file
 * atomically, like the 2-D ground truth:
 * <ul>
 *   <li>{@code <base>_emitters.csv}: {@code id,x_px,y_px,z_slices,x_nm,y_nm,z_nm,photons_per_frame,on_frames};</li>
 *   <li>{@code <base>_truth_x<M>_z<Mz>.tif}: {@link VolumeTruth#render} as a one-time-point hyperstack of
 *       {@code slices Mz} slices, pixel size / M, z step / Mz (float32).</li>
 * </ul>
 * The CSV starts with {@code #} comment lines stating the coordinate convention; skip lines starting with {@code #}.
 */
public final class VolumeTruthFiles {
    private VolumeTruthFiles() {
    }

    /** The files written for {@code stack}: emitters and truth volume (in that order). */
    public static Map<String, Path> paths(Path stack, int mxy, int mz) {
        String base = stack.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("emitters", stack.resolveSibling(base + "_emitters.csv"));
        m.put("truthVolume", stack.resolveSibling(base + "_truth_x" + mxy + "_z" + mz + ".tif"));
        return m;
    }

    /** Writes both files; returns their paths. */
    public static Map<String, Path> write(Path stack, VolumeTruth truth, int mxy, int mz, double sigma) {
        Map<String, Path> p = paths(stack, mxy, mz);
        VolumeParams v = truth.params();
        TiffStacks.writeAtomically(p.get("emitters"), out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println("# coordinates: continuous voxels, pixel k spans [k, k+1) along x (column) and y (row), slice k spans"
                    + " [k, k+1) along z (centres k+0.5); nm = px * pixel size, z nm = slices * z step");
            w.printf(Locale.ROOT, "# pixel size %.3f nm, z step %.3f nm, PSF sigma %.3f nm laterally, %.3f nm axially%n",
                    v.pixelSizeNm(), v.zStepNm(), v.psfSigmaNm(), v.psfSigmaNm() * v.psfRatio());
            w.println("id,x_px,y_px,z_slices,x_nm,y_nm,z_nm,photons_per_frame,on_frames");
            for (VolumeEmitter e : truth.emitters()) {
                w.printf(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3f,%.3f,%.3f,%.3f,%d%n", e.id(), e.x(), e.y(), e.z(),
                        e.x() * v.pixelSizeNm(), e.y() * v.pixelSizeNm(), e.z() * v.zStepNm(), e.photons(),
                        truth.onFrames()[e.id()]);
            }
            w.flush();
        });
        TiffStacks.writeF32(p.get("truthVolume"), truth.render(mxy, mz, sigma),
                StackMetadata.of(PixelType.F32, v.pixelSizeNm() / mxy, 0).withSlices(v.slices() * mz)
                        .withZStepNm(v.zStepNm() / mz));
        return p;
    }
}
