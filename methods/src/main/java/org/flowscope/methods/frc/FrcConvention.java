package org.flowscope.methods.frc;

/**
 * How the FRC curve's frequency axis is labelled and which threshold crossing counts (methods spec &sect;18 item 9).
 *
 * <p>Both conventions compute the same ring correlations; they differ only in where a ring sits on the frequency axis
 * and in which crossing is taken:
 * <ul>
 *   <li>{@link #STANDARD} (the default): ring {@code r} of an {@code N x N} image is at its true spatial frequency
 *       {@code r / N} cycles per pixel, and the resolution is the inverse of the first <em>downward</em> crossing of
 *       the smoothed curve through 1/7. The number does not depend on the image size, and it is what the synthetic
 *       band-limited tests check against the known cut-off.</li>
 *   <li>{@link #NANOPYX}: NanoPyx's {@code FIRECalculator}, reproduced for parity with its numbers: the axis is
 *       {@code linspace(0, Nyquist, N/2 - 1)}, so ring {@code r} is labelled {@code r / (N - 4)} cycles per pixel
 *       (too high by {@code N/(N-4)}, the reported resolution {@code (N-4)/N} times the textbook one: 1.6&nbsp;% for
 *       N = 256, 6&nbsp;% for N = 64), and the first crossing in <em>either</em> direction is taken. Because the curve
 *       starts at 1, an upward first crossing only happens on pathological curves.</li>
 * </ul>
 */
public enum FrcConvention {
    STANDARD,
    NANOPYX
}
