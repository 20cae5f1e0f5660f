package org.flowscope.methods.esrrfsweep;

/** How the sweep measures the resolution of each reconstruction (methods spec &sect;15). */
public enum ResolutionMetric {
    /**
     * Fourier ring correlation ({@code frc}) between the reconstructions of the even frames (0, 2, ...) and of the odd
     * frames (1, 3, ...) of each block: two independent halves of the same data.
     */
    FRC,
    /** Decorrelation analysis ({@code decorr}) of the reconstruction of the whole block: one image, no split. */
    DECORR
}
