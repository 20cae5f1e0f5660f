package org.flowscope.simulators.volume;

import java.util.List;
import org.flowscope.core.image.ImageStack;

/**
 * What a simulated volume series really contained (no drift in 3-D). Coordinates as {@link VolumeEmitter}.
 *
 * @param emitters the emitters
 * @param onFrames per emitter, the number of time points it was on
 * @param params   the simulation's parameters
 */
public record VolumeTruth(List<VolumeEmitter> emitters, long[] onFrames, VolumeParams params) {

    /**
     * The sample on a grid {@code mxy} times finer laterally and {@code mz} times finer axially, as a volume of
     * {@code slices mz} planes: output voxel (k, j, i) spans [i/mxy, (i+1)/mxy) px, [j/mxy, ..) px and [k/mz, ..)
     * slices. Each emitter contributes its total emitted photons (on-time points x photons) to the voxel containing it,
     * or, with {@code sigma} &gt; 0, spread as a sampled isotropic Gaussian of that sigma in output voxels (3 sigma).
     */
    public ImageStack render(int mxy, int mz, double sigma) {
        if (mxy < 1 || mz < 1) {
            throw new IllegalArgumentException("truth magnifications must be >= 1, got " + mxy + " and " + mz);
        }
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("truth sigma must be >= 0 output voxels, got " + sigma);
        }
        int w = params.width() * mxy;
        int h = params.height() * mxy;
        int z = params.slices() * mz;
        double[] v = new double[z * h * w];
        int reach = (int) Math.ceil(3 * sigma);
        for (VolumeEmitter e : emitters) {
            double photons = onFrames[e.id()] * e.photons();
            double x = e.x() * mxy;
            double y = e.y() * mxy;
            double s = e.z() * mz;
            int cx = (int) Math.floor(x);
            int cy = (int) Math.floor(y);
            int cz = (int) Math.floor(s);
            if (sigma == 0) {
                if (cx >= 0 && cx < w && cy >= 0 && cy < h && cz >= 0 && cz < z) {
                    v[(cz * h + cy) * w + cx] += photons;
                }
                continue;
            }
            for (int k = Math.max(0, cz - reach); k <= Math.min(z - 1, cz + reach); k++) {
                for (int j = Math.max(0, cy - reach); j <= Math.min(h - 1, cy + reach); j++) {
                    for (int i = Math.max(0, cx - reach); i <= Math.min(w - 1, cx + reach); i++) {
                        double dx = i + 0.5 - x;
                        double dy = j + 0.5 - y;
                        double dz = k + 0.5 - s;
                        v[(k * h + j) * w + i] += photons * Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * sigma * sigma));
                    }
                }
            }
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return new ImageStack(z, h, w, out);
    }
}
