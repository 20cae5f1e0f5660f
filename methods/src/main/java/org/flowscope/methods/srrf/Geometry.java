package org.flowscope.methods.srrf;

import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * How SRRF samples its interpolators, which pixels it computes and where its NanoPyx quirks apply. Both put input
 * pixel {@code k} at continuous coordinate {@code k + 0.5}.
 */
public enum Geometry {
    /**
     * Geometrically exact (the default): the magnified image is sampled at output pixel centres
     * {@code (i + 0.5)/M}; gradients are central differences of the edge-replicated frame; interpolation taps beyond
     * the border repeat the edge; every output pixel inside {@code --border} is computed; the macro-pixel correction
     * follows the temporal statistic; the temporal orders are the auto-cumulants (see {@link Temporal}). An emitter at
     * input position (x, y) appears at (x M, y M) on the output grid.
     */
    CENTRED,
    /**
     * NanoPyx 2.1.2 exactly: the magnified image is sampled at {@code i/M} (half an output pixel off), gradients are 0
     * on the outermost input pixels, out-of-image taps are skipped, a margin of {@code (1 + border) M} output pixels is
     * left 0, every frame is macro-pixel corrected before the temporal statistic, frames after the last whole block
     * are dropped, and the temporal orders keep NanoPyx's formulas (the order-3 sum).
     */
    NANOPYX;

    private static final Interpolator EDGE_CATMULL_ROM =
            new Interpolator(Kernel.CATMULL_ROM, Border.NEAREST, Normalisation.NONE);

    /** Where output pixel {@code i} samples the magnified image. */
    Sampling sampling() {
        return this == NANOPYX ? Sampling.NANOPYX : Sampling.CENTRED;
    }

    /** SRRF's Catmull-Rom: NanoPyx's (taps outside skipped, 0 outside the image) or with edge taps repeated. */
    Interpolator interpolator() {
        return this == NANOPYX ? Interpolator.NANOPYX_CATMULL_ROM : EDGE_CATMULL_ROM;
    }

    /** Output pixels left 0 along each border: NanoPyx skips one input pixel more than {@code border}. */
    int margin(int border, int magnification) {
        return (this == NANOPYX ? 1 + border : border) * magnification;
    }
}
