/**
 * Numerics shared by several operations, each in one place: interpolation ({@code interpolation}), discrete Fourier
 * transforms ({@code fft}), the CPU thread pool of threaded implementations ({@code parallel}) and seeded synthetic
 * scenes for tests, benchmarks and device checks ({@code scenes}). Nothing here is an operation: operations live in
 * their own packages and use these.
 */
package org.flowscope.methods.numerics;
