/**
 * FFTs of any size and sub-pixel translations of images (separable Lanczos-3, Catmull-Rom, bilinear, Fourier phase
 * ramp), shared by cross-correlation, drift correction and channel registration. Pixel k is the sample at k + 0.5.
 */
package org.flowscope.methods.numerics.interpolation;
