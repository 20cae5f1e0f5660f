package org.flowscope.methods.registration;

/**
 * Parameters of {@link RegistrationEstimator}.
 *
 * @param referenceChannel channel the others are registered to
 * @param blocksPerAxis    grid of blocks for the local field (1 = global translation only)
 * @param maxShiftPx       largest global |shift| per axis searched, pixels (0 = no limit)
 * @param minSimilarity    blocks whose correlation peak (Pearson units) is below this are ignored
 * @param smoothingPx      sigma in pixels of the Gaussian kernel that turns block vectors into a smooth dense field;
 *                         0 = the block size
 */
public record RegistrationParams(int referenceChannel, int blocksPerAxis, double maxShiftPx, double minSimilarity,
        double smoothingPx) {
    public RegistrationParams {
        if (referenceChannel < 0) {
            throw new IllegalArgumentException("referenceChannel must be >= 0, got " + referenceChannel);
        }
        if (blocksPerAxis < 1 || blocksPerAxis > 32) {
            throw new IllegalArgumentException("blocksPerAxis must be in [1, 32], got " + blocksPerAxis);
        }
        if (!(maxShiftPx >= 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("maxShiftPx must be a finite number >= 0 (0 = no limit), got " + maxShiftPx);
        }
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be a Pearson value in [-1, 1], got " + minSimilarity);
        }
        if (!(smoothingPx >= 0) || Double.isInfinite(smoothingPx)) {
            throw new IllegalArgumentException("smoothingPx must be >= 0 (0 = block size), got " + smoothingPx);
        }
    }

    /** Reference 0, 4x4 blocks, no shift limit, minimum similarity 0.5, smoothing = block size. */
    public static RegistrationParams defaults() {
        return new RegistrationParams(0, 4, 0, 0.5, 0);
    }
}
