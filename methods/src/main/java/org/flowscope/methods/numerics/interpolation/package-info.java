/**
 * The one interpolator family of flowscope. An {@link org.flowscope.methods.numerics.interpolation.Interpolator} is
 * a separable {@link org.flowscope.methods.numerics.interpolation.Kernel} plus explicit policies: what it reads beyond
 * the image ({@link org.flowscope.methods.numerics.interpolation.Border}) and how it rescales its weights
 * ({@link org.flowscope.methods.numerics.interpolation.Normalisation}); where an output grid samples the input is a
 * {@link org.flowscope.methods.numerics.interpolation.Sampling}. NanoPyx's ShiftAndMagnify kernels, eSRRF's centred
 * Catmull-Rom and the shifts and warps of drift correction and channel registration are all points of this family,
 * so their differences are parameters, not separate code. Pixel k is the sample at k + 0.5.
 *
 * <p>Also here: the interpolations that are not tap kernels: the Fourier phase-ramp shift, NanoPyx's Fourier
 * magnification used by eSRRF ({@code use_fht}) and the mirror padding it shares with SQUIRREL's own Fourier
 * interpolation (which stays in {@code squirrel}: it is a different function, see its class comment).
 */
package org.flowscope.methods.numerics.interpolation;
