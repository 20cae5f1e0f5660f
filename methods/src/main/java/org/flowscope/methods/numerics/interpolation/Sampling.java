package org.flowscope.methods.numerics.interpolation;

/**
 * Where output pixel {@code i} of a grid {@code M} times finer than the input samples it, in input image coordinates
 * (input pixel {@code k} has its centre at {@code k + 0.5}).
 */
public enum Sampling {
    /** At its own centre, {@code (i + 0.5) / M}: geometrically exact, a zero shift at M = 1 is the identity. */
    CENTRED,
    /**
     * At {@code i / M} in float32, as NanoPyx's transform classes (spec &sect;0.2 [quirk]): the result is displaced
     * by {@code 0.5 / M} input pixels, at M = 1 by half a pixel plus blur.
     */
    NANOPYX;

    /** The input coordinate sampled by output pixel {@code i} of a magnification by {@code m}. */
    public double position(int i, float m) {
        return this == NANOPYX ? (double) (i / m) : (i + 0.5) / m;
    }
}
