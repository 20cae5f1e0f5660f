package org.flowscope.simulators.camera;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator of {@link java.util.SplittableRandom} (G. Steele, D. Lea, C. Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), draw for draw: the same seed gives the same {@link #nextLong},
 * {@link #nextInt}, {@link #split}, and, through the {@link RandomGenerator} defaults that {@code SplittableRandom}
 * also uses, the same {@code nextDouble} and {@code nextGaussian} ({@code SplitMixTest} holds it to the JDK's).
 *
 * <p>Why not the JDK's class: the state after {@code k} draws is {@code seed + k·gamma}, so a stream can be entered
 * at any draw in O(1), which lets the camera noise of one frame be computed in parallel chunks that each start
 * exactly where the sequential renderer would have been; {@code SplittableRandom} does not expose its state.
 * Not thread-safe (one instance per thread).
 */
final class SplitMix implements RandomGenerator {
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private final long gamma;

    SplitMix(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMix(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator positioned at {@code state} of the stream with increment {@code gamma} (odd). */
    static SplitMix at(long state, long gamma) {
        return new SplitMix(state, gamma);
    }

    /** A new, independent stream, exactly as {@link java.util.SplittableRandom#split()} derives it. */
    SplitMix split() {
        return new SplitMix(nextLong(), mixGamma(nextSeed()));
    }

    /** The state: the next draw is {@code mix64(state + gamma)}. */
    long state() {
        return seed;
    }

    long gamma() {
        return gamma;
    }

    /** Skips {@code draws} draws. */
    void skip(long draws) {
        seed += draws * gamma;
    }

    /** The multiplicative inverse of an odd {@code gamma} modulo 2^64: {@code (s1 - s0) * inverse} counts draws. */
    static long inverse(long gamma) {
        if ((gamma & 1) == 0) {
            throw new IllegalArgumentException("a stream increment must be odd, got " + gamma);
        }
        long x = gamma; // correct to 3 bits; each Newton step doubles the correct bits: 6, 12, 24, 48, 96
        for (int i = 0; i < 5; i++) {
            x *= 2 - gamma * x;
        }
        return x;
    }

    /** Moves to {@code state} (see {@link #state()}). */
    void position(long state) {
        this.seed = state;
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    private long nextSeed() {
        return seed += gamma;
    }

    /** The 64-bit finaliser of SplitMix64 (variant 13 of D. Stafford's mixers). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd increment with enough bit transitions (MurmurHash3's finaliser, then a fix-up for sparse ones). */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
