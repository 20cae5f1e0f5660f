package org.flowscope.methods.squirrel;

/**
 * Parameters of a SQUIRREL error map.
 *
 * @param fixedSigma RSF sigma in reference pixels (the SR sigma is this times the magnification); 0 estimates it by
 *                   minimising the RSE. [decision] NanoPyx casts this argument to int; we keep fractions.
 * @param maxIterations iteration limit of the bracket search and of Brent's method (NanoPyx: 1000)
 */
public record SquirrelParams(double fixedSigma, int maxIterations) {
    public SquirrelParams {
        if (!(fixedSigma >= 0 && Double.isFinite(fixedSigma))) {
            throw new IllegalArgumentException("fixed RSF sigma must be >= 0 reference pixels (0 = estimate), got " + fixedSigma);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("iteration limit must be >= 1, got " + maxIterations);
        }
    }

    /** Estimate the RSF, 1000 iterations. */
    public static SquirrelParams defaults() {
        return new SquirrelParams(0, 1000);
    }
}
