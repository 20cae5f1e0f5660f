package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Where eSRRF samples its interpolators. Both put input pixel {@code k} at continuous coordinate {@code k + 0.5}.
 */
public enum Geometry {
    /**
     * Geometrically exact (the default): output pixel {@code i} of a magnification by M is sampled at its own centre
     * {@code (i + 0.5)/M}; gradients are taken where the Roberts-cross stencil is centred (the pixel corners);
     * interpolation taps beyond the border repeat the edge; every output pixel is computed (no margin). An emitter at
     * input position (x, y) appears at (x M, y M) on the output grid.
     */
    CENTRED,
    /**
     * NanoPyx 2.1.2 exactly: interpolators sampled at integer output coordinates {@code i/M}, gradient corners
     * treated as pixel centres, out-of-image taps skipped, a margin of {@code trunc(radius M)} output pixels left 0.
     * The result sits about half an input pixel down and right of the sample.
     */
    NANOPYX;

    private static final Interpolator EDGE_CATMULL_ROM =
            new Interpolator(Kernel.CATMULL_ROM, Border.NEAREST, Normalisation.NONE);

    /** Where output pixel {@code i} samples the magnified image and the gradients. */
    Sampling sampling() {
        return this == NANOPYX ? Sampling.NANOPYX : Sampling.CENTRED;
    }

    /** eSRRF's Catmull-Rom: NanoPyx's (taps outside skipped, 0 outside the image) or with edge taps repeated. */
    Interpolator interpolator() {
        return this == NANOPYX ? Interpolator.NANOPYX_CATMULL_ROM : EDGE_CATMULL_ROM;
    }
}
