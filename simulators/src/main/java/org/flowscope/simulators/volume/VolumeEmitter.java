package org.flowscope.simulators.volume;

/**
 * An emitter in a simulated volume, in continuous voxel units: pixel {@code k} spans [k, k+1) along x (columns) and y
 * (rows), slice {@code k} spans [k, k+1) along z, so voxel centres are at k + 0.5; nm = px * pixel size, z nm =
 * slices * z step.
 *
 * @param id      0-based index
 * @param x       column coordinate, px
 * @param y       row coordinate, px
 * @param z       slice coordinate, slices
 * @param photons photons emitted per time point while on
 */
public record VolumeEmitter(int id, double x, double y, double z, double photons) {
}
