/**
 * Two-dimensional discrete Fourier transforms of any size over JTransforms, in one class
 * ({@link org.flowscope.methods.numerics.fft.Fourier}): one-shot transforms with NumPy's shift conventions for the
 * quality measures, and reusable single-threaded plans for callers that parallelise over frames themselves.
 */
package org.flowscope.methods.numerics.fft;
