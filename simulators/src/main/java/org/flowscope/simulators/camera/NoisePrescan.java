package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The rare draws of the noise stream, found ahead of need by worker threads. Draw {@code q} of the stream (the
 * {@code q}-th after its origin) is a pure function of {@code q}, so whether a Gaussian starting there leaves its
 * ziggurat's fast path, or a background-table draw there falls beyond the table, and how many draws each then
 * takes, can be worked out for blocks of {@value #BLOCK} draws in parallel before the planner reaches them. The
 * planner then steps over the common draws without looking at them. Thread-safe.
 */
final class NoisePrescan {
    static final int BLOCK = 1 << 16;

    private final CameraNoise noise;
    private final long origin;
    private final long gamma;
    private final long gammaInverse;
    private final Executor pool;
    private final ConcurrentHashMap<Long, CompletableFuture<Block>> blocks = new ConcurrentHashMap<>();

    /**
     * The rare draws of one block, in increasing order.
     *
     * @param gaussAt    draws where {@code nextGaussian} takes more than one draw
     * @param gaussDraws how many it takes there
     * @param tableAt    draws where the background table falls back to {@link Noise#poisson}
     * @param tableDraws how many that takes
     */
    record Block(long[] gaussAt, int[] gaussDraws, long[] tableAt, int[] tableDraws) {
    }

    NoisePrescan(CameraNoise noise, long origin, long gamma, Executor pool) {
        this.noise = noise;
        this.origin = origin;
        this.gamma = gamma;
        this.gammaInverse = SplitMix.inverse(gamma);
        this.pool = pool;
    }

    /** Starts scanning every block that holds a draw in {@code [from, to)} and is not scanned yet. */
    void ahead(long from, long to) {
        for (long b = from / BLOCK; b <= (to - 1) / BLOCK; b++) {
            long block = b;
            blocks.computeIfAbsent(block, k -> CompletableFuture.supplyAsync(() -> scan(block), pool));
        }
    }

    /** The block holding draw {@code q}, scanned on this thread if no worker has it yet. */
    Block block(long blockNumber) {
        CompletableFuture<Block> f = blocks.computeIfAbsent(blockNumber, k -> CompletableFuture.completedFuture(scan(k)));
        return f.join();
    }

    /** Forgets blocks before {@code blockNumber}: the planner has passed them. */
    void forgetBefore(long blockNumber) {
        blocks.keySet().removeIf(b -> b < blockNumber);
    }

    private Block scan(long blockNumber) {
        long first = blockNumber * BLOCK;
        long[] gAt = new long[256];
        int[] gDraws = new int[256];
        int g = 0;
        long[] tAt = new long[4];
        int[] tDraws = new int[4];
        int t = 0;
        long s = origin + first * gamma;
        for (int i = 0; i < BLOCK; i++) {
            long z = SplitMix.mix64(s + gamma);
            if (!CameraNoise.fastGaussian(z)) {
                if (g == gAt.length) {
                    gAt = Arrays.copyOf(gAt, g * 2);
                    gDraws = Arrays.copyOf(gDraws, g * 2);
                }
                gAt[g] = first + i;
                gDraws[g++] = CameraNoise.gaussianDraws(s, gamma, gammaInverse);
            }
            if (noise.tableException(z)) {
                if (t == tAt.length) {
                    tAt = Arrays.copyOf(tAt, t * 2);
                    tDraws = Arrays.copyOf(tDraws, t * 2);
                }
                tAt[t] = first + i;
                tDraws[t++] = noise.tableDraws(s, gamma, gammaInverse);
            }
            s += gamma;
        }
        return new Block(Arrays.copyOf(gAt, g), Arrays.copyOf(gDraws, g), Arrays.copyOf(tAt, t), Arrays.copyOf(tDraws, t));
    }
}
