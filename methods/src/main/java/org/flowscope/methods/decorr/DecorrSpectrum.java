package org.flowscope.methods.decorr;

/**
 * The magnitude spectrum of the apodised, padded image of one decorrelation analysis, held where it was computed
 * (JVM heap or device memory) for the duration of the analysis, and the ring sums of its high-pass filtered versions.
 *
 * <p>Layout (the same for every implementation, see {@link DecorrRings}): {@code n} rows of {@code n/2 + 1} columns,
 * sample {@code (ky, kx)} = {@code |DFT|} at frequency {@code (ky, kx)}, computed from the DFT's real and imaginary
 * parts rounded to float32 (NanoPyx keeps the spectrum as complex64); the zero frequency is 0.
 */
interface DecorrSpectrum extends AutoCloseable {
    /** Side of the padded square. */
    int n();

    /**
     * Ring sums of the spectrum weighted by {@code w = a(ky) + a(kx) - a(ky) a(kx)} for each table {@code a} of
     * {@code filters} (length n each; {@link HighPass}), over the partition {@code rings}.
     */
    RingSums[] sums(DecorrRings rings, double[][] filters);

    @Override
    void close();
}
