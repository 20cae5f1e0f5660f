package org.flowscope.methods.numerics.interpolation;

/** Whether and how an {@link Interpolator} rescales its tap weights. */
public enum Normalisation {
    /** Weights as the kernel gives them (NanoPyx's Catmull-Rom: taps skipped at a zero border attenuate the edge). */
    NONE,
    /**
     * Divided by the sum of the weights of all taps, so a flat image stays flat away from a zero border: needed by
     * Lanczos, whose weights do not sum to 1; kernels whose weights sum to 1 by construction are left untouched
     * ({@link Kernel#sumsToOne}).
     */
    UNIT_SUM,
    /**
     * Divided by the sum of the weights of the taps that read the image, so a zero border does not attenuate
     * (NanoPyx's bicubic and Lanczos).
     */
    USED_TAPS
}
