package org.flowscope.methods.esrrf3d;

import org.flowscope.methods.numerics.interpolation.AxisTaps;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Everything about one eSRRF 3-D run that does not depend on the pixel values: sizes, RGC constants (NanoPyx's float
 * arithmetic), and per-axis tables that the threaded and GPU implementations read instead of recomputing positions:
 * <ul>
 * <li>{@link Slots}: for each output coordinate along an axis, the RGC samples' indices on the magnified grid (-1
 *     when the sample is not taken) and their offsets from the output voxel, in input voxels, computed with the float
 *     operations of {@link Esrrf3dCpu} (so that every implementation takes the same samples);</li>
 * <li>{@link Taps}: for each output coordinate along an axis, the four Catmull-Rom taps (index, weight) of the
 *     magnification, from the shared interpolator family ({@link AxisTaps}).</li>
 * </ul>
 */
final class Esrrf3dPlan {
    /** eSRRF's Catmull-Rom with edge taps repeated (the centred geometry). */
    static final Interpolator EDGE_CATMULL_ROM = new Interpolator(Kernel.CATMULL_ROM, Border.NEAREST, Normalisation.NONE);
    /** Taps per magnified coordinate (Catmull-Rom's 4; replication and identity use the first). */
    static final int TAPS = 4;

    /**
     * RGC samples along one axis: sample {@code s} of output coordinate {@code c} reads magnified coordinate
     * {@code index[c * count + s]} (-1: not taken) at offset {@code delta[c * count + s]} input voxels.
     */
    record Slots(int count, int[] index, float[] delta) {
    }

    /** Magnification taps along one axis: tap {@code t} of output coordinate {@code c} at {@code c * TAPS + t}. */
    record Taps(int[] index, double[] weight) {
    }

    final Geometry geo;
    final int z;
    final int h;
    final int w;
    final int mz;
    final int mxy;
    final int zm;
    final int hm;
    final int wm;
    /** Lateral and axial FWHM (NanoPyx's {@code fwhm}, {@code fwhm_z}), input voxels, float. */
    final float fwhm;
    final float fwhmZ;
    final float tSS;
    final float tSO;
    final float tSSz;
    final float tSOz;
    final float sensitivity;
    final boolean weighting;
    final int marginXy;
    final int marginZ;
    final Slots slotsY;
    final Slots slotsX;
    final Slots slotsZ;
    final Taps tapsY;
    final Taps tapsX;
    final Taps tapsZ;
    /** {@link Rgc3d#gauss} of every axial sample offset of {@link #slotsZ}, same layout. */
    final float[] gaussZ;
    /**
     * The distinct axial offsets of {@link #slotsZ} ({@code axialOffsets[axialKey[k]] == slotsZ.delta()[k]}, bit for
     * bit): few, so that per lateral sample the distances and weights of all of them can be computed once and shared
     * by every output slice.
     */
    final int[] axialKey;
    final float[] axialOffsets;

    Esrrf3dPlan(Esrrf3dParams p, int slices, int height, int width) {
        geo = p.geometry();
        z = slices;
        h = height;
        w = width;
        mz = p.magnificationZ();
        mxy = p.magnificationXy();
        zm = z * mz;
        hm = h * mxy;
        wm = w * mxy;
        // NanoPyx: cdef float sigma = radius / 2.355 (a Python float); tSS = 2 * sigma * sigma and tSO = 2 * sigma + 1
        // in float; the same for z with radius_z = radius PSF_ratio / voxel_ratio
        fwhm = (float) p.radius();
        float sigma = (float) (p.radius() / 2.355);
        tSS = 2f * sigma * sigma;
        tSO = 2f * sigma + 1f;
        double radiusZ = p.radiusZ();
        fwhmZ = (float) radiusZ;
        float sigmaZ = (float) (radiusZ / 2.355);
        tSSz = 2f * sigmaZ * sigmaZ;
        tSOz = 2f * sigmaZ + 1f;
        sensitivity = (float) p.sensitivity();
        weighting = p.intensityWeighting();
        boolean nanopyx = geo == Geometry.NANOPYX;
        marginXy = nanopyx ? (int) (p.radius() * mxy) : 0;
        marginZ = nanopyx ? (int) (radiusZ * mz) : 0;
        slotsY = nanopyx ? nanopyxSlots(h, mxy, fwhm) : centredSlots(h, mxy, tSO);
        slotsX = nanopyx ? nanopyxSlots(w, mxy, fwhm) : centredSlots(w, mxy, tSO);
        slotsZ = nanopyx ? nanopyxSlots(z, mz, fwhmZ) : centredSlots(z, mz, tSOz);
        tapsY = nanopyx ? nanopyxXyTaps(h, mxy) : centredTaps(h, mxy);
        tapsX = nanopyx ? nanopyxXyTaps(w, mxy) : centredTaps(w, mxy);
        tapsZ = nanopyx ? replication(z, mz) : centredTaps(z, mz);
        gaussZ = new float[slotsZ.delta().length];
        axialKey = new int[gaussZ.length];
        java.util.Map<Integer, Integer> ids = new java.util.LinkedHashMap<>();
        for (int k = 0; k < gaussZ.length; k++) {
            gaussZ[k] = Rgc3d.gauss(slotsZ.delta()[k], tSSz);
            axialKey[k] = ids.computeIfAbsent(Float.floatToRawIntBits(slotsZ.delta()[k]), b -> ids.size());
        }
        axialOffsets = new float[ids.size()];
        ids.forEach((bits, id) -> axialOffsets[id] = Float.intBitsToFloat(bits));
    }

    /** Output voxels per volume. */
    int voxels() {
        return zm * hm * wm;
    }

    /** Input voxels per volume. */
    int inputVoxels() {
        return z * h * w;
    }

    /** Whether output voxel (s, r, c) is inside NanoPyx's margins (always, when centred). */
    boolean computed(int s, int r, int c) {
        return s >= marginZ && s < zm - marginZ && r >= marginXy && r < hm - marginXy && c >= marginXy
                && c < wm - marginXy;
    }

    /**
     * NanoPyx's samples along an axis of {@code n} input voxels magnified {@code m} times: offsets
     * {@code o = -trunc(fwhm) .. trunc(fwhm + 1)} inclusive, position {@code v = c/m + o} in float, taken when
     * {@code 0 < v <= n - 1}, read at magnified index {@code trunc(v m)}.
     */
    static Slots nanopyxSlots(int n, int m, float fwhm) {
        int lo = -(int) fwhm;
        int hi = (int) (fwhm + 1f);
        int count = hi - lo + 1;
        int[] index = new int[n * m * count];
        float[] delta = new float[index.length];
        for (int c = 0; c < n * m; c++) {
            float centre = (float) c / m;
            for (int s = 0; s < count; s++) {
                float v = centre + (lo + s);
                boolean taken = 0 < v && v <= (float) (n - 1);
                index[c * count + s] = taken ? (int) (v * m) : -1;
                delta[c * count + s] = v - centre;
            }
        }
        return new Slots(count, index, delta);
    }

    /**
     * The centred samples: whole-voxel offsets {@code -N .. N} with {@code N = floor(cutoff)}, read at magnified index
     * {@code c + o m} (the position {@code (c + 0.5)/m + o} exactly), taken when inside the magnified axis.
     */
    static Slots centredSlots(int n, int m, float cutoff) {
        int reach = (int) Math.floor(cutoff);
        int count = 2 * reach + 1;
        int[] index = new int[n * m * count];
        float[] delta = new float[index.length];
        for (int c = 0; c < n * m; c++) {
            for (int s = 0; s < count; s++) {
                int o = s - reach;
                int k = c + o * m;
                index[c * count + s] = k >= 0 && k < n * m ? k : -1;
                delta[c * count + s] = o;
            }
        }
        return new Slots(count, index, delta);
    }

    /** NanoPyx's lateral magnification: Catmull-Rom at {@code i/m} for m &gt; 1, none (identity) for m = 1. */
    static Taps nanopyxXyTaps(int n, int m) {
        if (m == 1) {
            return replication(n, 1);
        }
        double[] pos = new double[n * m];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = Sampling.NANOPYX.position(i, m);
        }
        return of(AxisTaps.of(Interpolator.NANOPYX_CATMULL_ROM, pos, n));
    }

    /** Catmull-Rom at output centres {@code (i + 0.5)/m}, edge taps repeated (identity at m = 1). */
    static Taps centredTaps(int n, int m) {
        double[] pos = new double[n * m];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = (i + 0.5) / m;
        }
        return of(AxisTaps.of(EDGE_CATMULL_ROM, pos, n));
    }

    /** Output coordinate i copies input {@code i div m} (NanoPyx's z "linear" interpolation, spec &sect;1.5). */
    static Taps replication(int n, int m) {
        int[] index = new int[n * m * TAPS];
        double[] weight = new double[index.length];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < n * m; i++) {
            index[i * TAPS] = i / m;
            weight[i * TAPS] = 1;
        }
        return new Taps(index, weight);
    }

    private static Taps of(AxisTaps t) {
        if (t.taps() != TAPS) {
            throw new IllegalStateException("Catmull-Rom has " + TAPS + " taps, got " + t.taps());
        }
        return new Taps(t.index(), t.weight());
    }
}
