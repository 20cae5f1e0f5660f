package org.flowscope.methods.numerics.interpolation;

/** How an {@link Interpolator} continues the image beyond its edge, i.e. what taps outside the image read. */
public enum Border {
    /**
     * Zero: taps outside the image contribute nothing. Shifted frames show uncovered areas as visibly empty, as
     * StackReg and NanoPyx pad (the default of offline drift correction).
     */
    ZERO,
    /**
     * The nearest edge pixel: taps outside read the edge value, so the border is neither attenuated nor an artificial
     * edge for a following operator (eSRRF's gradients, its centred geometry).
     */
    NEAREST,
    /**
     * NanoPyx's C kernels (spec &sect;1.1): taps outside are skipped as with {@link #ZERO}, and a query outside
     * {@code [0, rows) x [0, cols)} is 0 outright. Nearest neighbour there truncates toward zero instead (NanoPyx's
     * quirk: positions in (-1, 0) read sample 0).
     */
    NANOPYX;

    /** The index that tap {@code k} of an axis of {@code n} samples reads, or -1 when it contributes nothing. */
    int index(int k, int n) {
        if (k >= 0 && k < n) {
            return k;
        }
        return this == NEAREST ? (k < 0 ? 0 : n - 1) : -1;
    }
}
