/**
 * Seeded synthetic scenes for tests, benchmark inputs and device checks, rendered by one spot renderer
 * ({@link org.flowscope.methods.numerics.scenes.GaussianSpots}): blinking emitters
 * ({@link org.flowscope.methods.numerics.scenes.SyntheticFrames}), drifting beads rendered exactly per frame for
 * accuracy tests ({@link org.flowscope.methods.numerics.scenes.BeadRenderer}), a cheap drifting scene for drift
 * benchmarks ({@link org.flowscope.methods.numerics.scenes.BenchmarkScenes}) and band-limited noise with a known
 * resolution ({@link org.flowscope.methods.numerics.scenes.BandLimitedNoise}). They live in main code so that
 * operations' benchmark inputs, the benchmarks module and every module's tests draw from the same generators.
 */
package org.flowscope.methods.numerics.scenes;
