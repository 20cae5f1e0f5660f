package org.flowscope.methods.registration;

/**
 * One block's measured displacement of a channel relative to the reference channel.
 *
 * @param row        block row in the grid
 * @param col        block column in the grid
 * @param x          block centre x in pixel coordinates (pixel k covers [k, k+1))
 * @param y          block centre y
 * @param dx         displacement along x (columns), pixels: global translation plus the block's residual
 * @param dy         displacement along y (rows)
 * @param similarity correlation peak of the block, Pearson units
 * @param accepted   whether the block entered the field (similarity threshold and shift limit passed)
 */
public record BlockVector(int row, int col, double x, double y, double dx, double dy, double similarity, boolean accepted) {
}
