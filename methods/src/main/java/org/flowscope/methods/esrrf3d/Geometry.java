package org.flowscope.methods.esrrf3d;

/**
 * Where eSRRF 3-D samples its volumes. Both put input voxel {@code k} at continuous coordinate {@code k + 0.5} along
 * each axis; distances are in input voxels (x, y in pixels, z in slices), as in NanoPyx.
 */
public enum Geometry {
    /**
     * Geometrically exact (the default): output voxel {@code i} of a magnification by M is sampled at its centre
     * {@code (i + 0.5)/M} along every axis; the magnifications are Catmull-Rom in x, y and z with edge values repeated;
     * the gradients are central differences along all three axes (centred on the voxel); the sample window is
     * symmetric about the output voxel and keeps samples with {@code |dz| <= tSO_z}; a voxel with no sample inside the
     * volume is 0; every voxel is computed. An emitter at input position (x, y, z) appears at
     * (x Mxy, y Mxy, z Mz) on the output grid.
     */
    CENTRED,
    /**
     * NanoPyx 2.1.2's eSRRF 3-D: volumes sampled at integer output coordinates {@code i/M}, Catmull-Rom in x, y only
     * (z replicated: output slice s copies input slice {@code s div Mz}), z gradient as the halved backward difference
     * {@code (I[z] - I[z-1])/2}, a lopsided sample window, the signed test {@code dz <= tSO_z} (samples below the
     * voxel are always kept), no guard against an empty window (such a voxel is NaN), margins of
     * {@code int(radius Mxy)} and {@code int(radius_z Mz)} voxels left 0.
     */
    NANOPYX
}
