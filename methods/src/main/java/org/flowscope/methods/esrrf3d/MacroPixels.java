package org.flowscope.methods.esrrf3d;

/**
 * NanoPyx's macro-pixel correction applied to every output slice of a volume (spec &sect;4.7, as eSRRF 3-D's workflow
 * does with {@code magnification_xy}): within a slice of {@code hm x wm} voxels, the mean {@code C[y, x]} of each of the
 * {@code M x M} sub-pixel phases over the slice's macro-pixels ({@code rows = hm div M}, {@code cols = wm div M}, zero
 * margins included) divides every voxel of that phase, when non-zero (a NaN mean, from NanoPyx's unguarded voxels,
 * divides too and spreads). Means are summed in double.
 */
final class MacroPixels {
    private MacroPixels() {
    }

    /** Corrects slices {@code [s0, s1)} of the volume at {@code v[off ..]} in place. */
    static void correct(float[] v, int off, int hm, int wm, int m, int s0, int s1) {
        int rows = hm / m;
        int cols = wm / m;
        double[] phase = new double[m * m];
        for (int s = s0; s < s1; s++) {
            int base = off + s * hm * wm;
            java.util.Arrays.fill(phase, 0);
            for (int ry = 0; ry < rows; ry++) {
                for (int rx = 0; rx < cols; rx++) {
                    for (int y = 0; y < m; y++) {
                        for (int x = 0; x < m; x++) {
                            phase[y * m + x] += v[base + (ry * m + y) * wm + rx * m + x];
                        }
                    }
                }
            }
            for (int k = 0; k < phase.length; k++) {
                phase[k] /= (double) rows * cols;
            }
            for (int y = 0; y < hm; y++) {
                for (int x = 0; x < wm; x++) {
                    double c = phase[(y % m) * m + x % m];
                    if (c != 0) {
                        v[base + y * wm + x] = (float) (v[base + y * wm + x] / c);
                    }
                }
            }
        }
    }
}
