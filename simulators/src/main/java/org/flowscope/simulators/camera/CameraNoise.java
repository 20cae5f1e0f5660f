package org.flowscope.simulators.camera;

import java.util.random.RandomGenerator;

/**
 * The camera's noise on one frame of expected photons, drawn from one {@link SplitMix} stream in pixel order:
 * per pixel a Poisson count (from the background {@link PoissonTable} when the pixel sees only background,
 * else {@link Noise#poisson}), plus Gaussian read noise, times the gain, plus the offset, rounded and clamped
 * (see {@link CameraParams}).
 *
 * <p>Parallel frames: a pixel consumes a data-dependent number of draws (PTRS rejections, the Gaussian ziggurat's
 * rare slow path), so where pixel {@code i}'s draws begin is only known after pixels {@code 0..i-1}.
 * {@link #advance} finds it without computing the values: for each pixel it decides from one or two raw draws
 * whether the common case applies (the table covers the uniform; PTRS accepts at once; the ziggurat takes its
 * fast path) and runs the exact sampler only otherwise. The values of chunks of pixels can then be computed in
 * parallel by {@link #render}, each from its own start, draw for draw what the sequential renderer would have
 * produced. {@link #render} returns the state it ended at, so the caller can check each chunk against the next
 * one's planned start. Thread-safe (immutable; generators are per call).
 */
final class CameraNoise {
    /** Low bytes of a ziggurat draw for which {@code nextGaussian} uses exactly that one draw. */
    private static final boolean[] FAST_GAUSSIAN = fastGaussianBytes();
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final PoissonTable background;
    private final double backgroundLambda;
    private final long tableLimit;
    private final double gain;
    private final double read;
    private final double offset;
    private final int max;

    CameraNoise(CameraParams cam, double backgroundPhotons) {
        this.background = new PoissonTable(backgroundPhotons);
        this.backgroundLambda = background.lambda();
        // u >= cdfLast  <=>  (bits >>> 11) * 2^-53 >= cdfLast  <=>  (bits >>> 11) >= ceil(cdfLast * 2^53), exactly
        this.tableLimit = (long) Math.ceil(background.cdfLast() * 0x1.0p53);
        this.gain = cam.gain();
        this.read = cam.readNoiseE();
        this.offset = cam.offsetAdu();
        this.max = cam.maxValue();
    }

    /**
     * Computes pixels {@code [from, to)} of {@code lambda} into {@code adu[offset ..]}, drawing from {@code rng}
     * (which ends where the next pixel's draws begin).
     */
    void render(double[] lambda, int from, int to, RandomGenerator rng, int[] adu, int offset) {
        for (int i = from; i < to; i++) {
            double l = lambda[i];
            double electrons = l == backgroundLambda ? background.sample(rng) : Noise.poisson(l, rng);
            if (read > 0) {
                electrons += read * rng.nextGaussian();
            }
            long v = Math.round(gain * electrons + this.offset);
            adu[offset + i - from] = (int) Math.max(0, Math.min(max, v));
        }
    }

    /**
     * The state of the stream ({@link SplitMix#state()}, increment {@code gamma}) after pixels {@code [from, to)}
     * of {@code lambda}, starting at {@code state}: what {@link #render} would leave, without computing values.
     */
    long advance(double[] lambda, int from, int to, long state, long gamma) {
        long s = state;
        SplitMix exact = null;
        for (int i = from; i < to; i++) {
            double l = lambda[i];
            if (l == backgroundLambda) {
                if ((SplitMix.mix64(s + gamma) >>> 11) < tableLimit) {
                    s += gamma;
                } else {
                    exact = at(exact, s, gamma);
                    background.sample(exact);
                    s = exact.state();
                }
            } else if (l > 0) {
                if (l < Noise.PTRS_FROM) {
                    s += gamma; // inversion: one uniform
                } else {
                    double u = (SplitMix.mix64(s + gamma) >>> 11) * DOUBLE_UNIT - 0.5;
                    double v = (SplitMix.mix64(s + 2 * gamma) >>> 11) * DOUBLE_UNIT;
                    double us = 0.5 - Math.abs(u);
                    if (us >= 0.07 && v <= Noise.ptrsVr(Noise.ptrsB(l))) {
                        s += 2 * gamma;
                    } else {
                        exact = at(exact, s, gamma);
                        Noise.poisson(l, exact);
                        s = exact.state();
                    }
                }
            }
            if (read > 0) {
                if (FAST_GAUSSIAN[(int) SplitMix.mix64(s + gamma) & 0xff]) {
                    s += gamma;
                } else {
                    exact = at(exact, s, gamma);
                    exact.nextGaussian();
                    s = exact.state();
                }
            }
        }
        return s;
    }

    double backgroundLambda() {
        return backgroundLambda;
    }

    boolean readNoise() {
        return read > 0;
    }

    /** Whether a draw {@code z} makes the background table fall back to {@link Noise#poisson}. */
    boolean tableException(long z) {
        return (z >>> 11) >= tableLimit;
    }

    /** Whether {@code nextGaussian} ends at a first draw {@code z}. */
    static boolean fastGaussian(long z) {
        return FAST_GAUSSIAN[(int) z & 0xff];
    }

    /** Draws the background table takes from {@code state}. */
    int tableDraws(long state, long gamma, long gammaInverse) {
        SplitMix r = SplitMix.at(state, gamma);
        background.sample(r);
        return (int) ((r.state() - state) * gammaInverse);
    }

    /** Draws {@code nextGaussian} takes from {@code state}. */
    static int gaussianDraws(long state, long gamma, long gammaInverse) {
        SplitMix r = SplitMix.at(state, gamma);
        r.nextGaussian();
        return (int) ((r.state() - state) * gammaInverse);
    }

    /**
     * Computes the pixels of a planned band into {@code adu[offset ..]}, drawing from {@code rng} positioned at the
     * band's first draw. A PTRS pixel's draws are skipped to the pair the plan found accepted, and its count is
     * computed from that pair with PTRS's own formula; everything else is drawn here.
     */
    void render(double[] lambda, BandNoise band, SplitMix rng, int[] adu, int offset) {
        int p = 0;
        int[] draws = band.draws();
        for (int i = band.from(); i < band.to(); i++) {
            double l = lambda[i];
            double electrons;
            if (l == backgroundLambda) {
                electrons = background.sample(rng);
            } else if (l >= Noise.PTRS_FROM) {
                rng.skip(draws[p] - 2);
                double u = rng.nextDouble() - 0.5;
                rng.skip(1); // v: the plan already accepted the pair
                double us = 0.5 - Math.abs(u);
                electrons = (long) Math.floor((2 * band.a(p) / us + band.b(p)) * u + l + 0.43);
                p++;
            } else {
                electrons = Noise.poisson(l, rng);
            }
            if (read > 0) {
                electrons += read * rng.nextGaussian();
            }
            long v = Math.round(gain * electrons + this.offset);
            adu[offset + i - band.from()] = (int) Math.max(0, Math.min(max, v));
        }
    }

    private static SplitMix at(SplitMix reuse, long state, long gamma) {
        if (reuse == null) {
            return SplitMix.at(state, gamma);
        }
        reuse.position(state);
        return reuse;
    }

    /**
     * Asks the JDK's own {@code nextGaussian} which low bytes of its first draw end it at once (its ziggurat's
     * fast path), 64 random draws per byte. A byte wrongly taken for fast would be caught: {@link #render}'s end
     * state would not match the plan, and the caller falls back to sequential rendering.
     */
    private static boolean[] fastGaussianBytes() {
        boolean[] fast = new boolean[256];
        SplitMix src = new SplitMix(0x5eed_1e55_f00dL);
        for (int b = 0; b < 256; b++) {
            boolean always = true;
            for (int trial = 0; trial < 64 && always; trial++) {
                Counting c = new Counting((src.nextLong() & ~0xffL) | b, src.split());
                c.nextGaussian();
                always = c.draws == 1;
            }
            fast[b] = always;
        }
        return fast;
    }

    /** Hands out a chosen first draw, then another stream's, counting. */
    private static final class Counting implements RandomGenerator {
        private final long first;
        private final RandomGenerator rest;
        private int draws;

        Counting(long first, RandomGenerator rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public long nextLong() {
            return draws++ == 0 ? first : rest.nextLong();
        }
    }
}
