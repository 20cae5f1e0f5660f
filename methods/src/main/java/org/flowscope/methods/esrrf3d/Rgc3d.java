package org.flowscope.methods.esrrf3d;

/**
 * The per-sample arithmetic of 3-D radial gradient convergence, written once for every Java implementation and
 * mirrored operation for operation by {@code esrrf3d_device.h}: NanoPyx's {@code _c_calculate_rgc3D} types (float
 * variables, double {@code exp}, {@code pow} and {@code sqrt}), so that the sample tests ({@code d != 0},
 * {@code d_xy <= tSO}, the dz test) decide identically everywhere.
 *
 * <p>For a sample at offset {@code r = (dx, dy, dz)} (input voxels) from the voxel, with gradient {@code G} there:
 * weight {@code w = (|r| exp(-d_xy^2 / tSS) exp(-dz^2 / tSS_z))^4}, and, when {@code G . r < 0} (the gradient points
 * back towards the voxel), a contribution {@code w (1 - |G x r| / (|G| |r|))}: 1 for a gradient aimed exactly at the
 * voxel, 0 for one perpendicular to {@code r}. RGC is the weighted mean of the contributions over all samples.
 */
final class Rgc3d {
    private Rgc3d() {
    }

    /** {@code sqrt(a)} of a float sum, NanoPyx's {@code sqrt} on a float argument (double, stored as float). */
    static float sqrt(float a) {
        return (float) Math.sqrt(a);
    }

    /**
     * The sample weight (NanoPyx's {@code _c_calculate_dw3D}: float factors from double {@code exp}, then
     * {@code pow(D, 4)}), from {@link #gauss} of the lateral and axial distances.
     */
    static float weight(float d, float dxy, float dz, float tSS, float tSSz) {
        return combine(d, gauss(dxy, tSS), gauss(dz, tSSz));
    }

    /** {@code exp(-a^2 / tSS)} in double, stored as float. */
    static float gauss(float a, float tSS) {
        return (float) Math.exp(-(double) a * a / tSS);
    }

    /**
     * {@code (d wxy wz)^4}: {@code D = d (wxy wz)} rounded to float, then {@code D^4} as {@code (D D)(D D)} in double
     * ({@code D D} is exact in double, so this is the correctly rounded {@code pow(D, 4)}), rounded to float.
     */
    static float combine(float d, float wxy, float wz) {
        float dw = (float) (d * (double) (wxy * wz));
        double sq = (double) dw * dw;
        return (float) (sq * sq);
    }

    /**
     * {@code 1 - |G x r| / (|G| d)}; a NaN quotient (a zero gradient) counts as {@code d}, i.e. contributes 0
     * (NanoPyx's {@code _c_calculate_dk3D}).
     */
    static float dk(float gx, float gy, float gz, float dx, float dy, float dz, float d) {
        float a = gy * dz - gz * dy;
        float b = gz * dx - gx * dz;
        float c = gx * dy - gy * dx;
        float cross = a * a + b * b + c * c;
        float g2 = gx * gx + gy * gy + gz * gz;
        float q = (float) (Math.sqrt(cross) / Math.sqrt(g2));
        if (Float.isNaN(q)) {
            q = d;
        }
        return 1f - q / d;
    }

    /** {@code G . r}, float, left to right. */
    static float dot(float gx, float gy, float gz, float dx, float dy, float dz) {
        return gx * dx + gy * dy + gz * dz;
    }

    /** The running sum after a contribution: NanoPyx's float {@code RGC += Dk * w} evaluated in double. */
    static float accumulate(float acc, float dk, float w) {
        return (float) (acc + (double) dk * w);
    }

    /**
     * RGC from its sums, raised to the sensitivity, clipped at 0. {@code guard}: 0 when no sample had weight (the
     * centred geometry); without it 0/0 is NaN and stays NaN (NanoPyx).
     */
    static float finish(float acc, float wsum, float sensitivity, boolean guard) {
        if (guard && wsum == 0) {
            return 0f;
        }
        float rgc = acc / wsum;
        if (rgc >= 0 && sensitivity > 1) {
            rgc = (float) Math.pow(rgc, sensitivity);
        } else if (rgc < 0) {
            rgc = 0;
        }
        return rgc;
    }

    /** Whether a sample at axial offset {@code dz} passes the axial cut: NanoPyx's signed test, or {@code |dz|}. */
    static boolean axial(Geometry g, float dz, float tSOz) {
        return g == Geometry.NANOPYX ? dz <= tSOz : Math.abs(dz) <= tSOz;
    }
}
