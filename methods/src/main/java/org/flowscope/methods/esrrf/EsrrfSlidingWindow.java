package org.flowscope.methods.esrrf;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.core.image.ImageStack;

/**
 * eSRRF over overlapping windows of a frame stream (window N, step S) without recomputing the frames that
 * consecutive windows share.
 *
 * <p>Each window is cut into blocks of {@code B} frames aligned on stream sequence numbers, with {@code B} a common
 * divisor of N and S (the caller's choice, typically {@code gcd(N, S)}). Each block's per-frame maps are reduced
 * once into a {@link TemporalAccumulator} (its running sums), cached, and reused by every later window that
 * contains the block; a window's statistic is the concatenation of its blocks' accumulators, so only the
 * {@code S / B} new blocks cost RGC work. Memory: {@code N / B} accumulators of {@code H M x W M} doubles
 * (AVG: 1 per pixel, VAR: 2, TAC2: 2 doubles + 2 floats).
 *
 * <p>What each statistic needs: AVG and VAR are sums, so blocks just add (and a departing frame could even be
 * subtracted). TAC2 is a lag-1 sum {@code sum x_t x_{t+1}}: joining blocks needs each block's first and last frame
 * maps (for the product across the seam), and dropping a frame from a window needs that frame and its successor;
 * so TAC2 keeps the two boundary maps per block on top of the sums, and cannot be updated by subtraction alone.
 *
 * <p>Windows whose frames are not block-aligned with the cached ones (after skipped windows, say) simply compute
 * their own blocks. The result is the window's eSRRF image (one time point; framesPerTimePoint is ignored), with
 * the macro-pixel correction when enabled. Not thread-safe: one pipeline stage calls it.
 */
public final class EsrrfSlidingWindow {
    /** Reduces a block of frames to its running sums (e.g. {@link EsrrfCpuThreaded#accumulate}). */
    @FunctionalInterface
    public interface BlockStatistics {
        TemporalAccumulator reduce(EsrrfParams params, ImageStack block);
    }

    private record BlockKey(long firstSequence, int frames) {
    }

    private final EsrrfParams params;
    private final int blockFrames;
    private final BlockStatistics blocks;
    private final Map<BlockKey, TemporalAccumulator> cache = new LinkedHashMap<>();
    private long computedBlocks;
    private long reusedBlocks;

    public EsrrfSlidingWindow(EsrrfParams params, int blockFrames, BlockStatistics blocks) {
        if (blockFrames < 1) {
            throw new IllegalArgumentException("block length must be >= 1 frame, got " + blockFrames);
        }
        this.params = params;
        this.blockFrames = blockFrames;
        this.blocks = blocks;
    }

    /** Greatest common divisor, the natural block length for window {@code n} and step {@code s}. */
    public static int blockLength(int n, int s) {
        int a = n;
        int b = s;
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The eSRRF image {@code (1, H M, W M)} of {@code window}, whose first frame has sequence {@code firstSequence}. */
    public ImageStack apply(ImageStack window, long firstSequence) {
        int b = window.frames() % blockFrames == 0 ? blockFrames : window.frames();
        new Esrrf().validate(params.withFramesPerTimePoint(0), window);
        TemporalAccumulator total = null;
        Map<BlockKey, TemporalAccumulator> keep = new LinkedHashMap<>();
        for (int f = 0; f < window.frames(); f += b) {
            BlockKey key = new BlockKey(firstSequence + f, b);
            TemporalAccumulator block = cache.get(key);
            if (block == null) {
                block = blocks.reduce(params, window.frames(f, f + b));
                computedBlocks++;
            } else {
                reusedBlocks++;
            }
            keep.put(key, block);
            if (total == null) {
                total = block.copy();
            } else {
                total.append(block);
            }
        }
        // blocks before this window's start are never needed again: windows advance
        for (Iterator<BlockKey> it = cache.keySet().iterator(); it.hasNext();) {
            if (!keep.containsKey(it.next())) {
                it.remove();
            }
        }
        cache.putAll(keep);
        float[] stat = total.result();
        int m = params.magnification();
        int hm = window.height() * m;
        int wm = window.width() * m;
        if (params.macroPixelCorrection()) {
            MacroPixelCorrection.applyInPlace(stat, 0, hm, wm, m);
        }
        return new ImageStack(1, hm, wm, stat);
    }

    /** Blocks computed so far. */
    public long computedBlocks() {
        return computedBlocks;
    }

    /** Blocks taken from the cache so far. */
    public long reusedBlocks() {
        return reusedBlocks;
    }
}
