package org.flowscope.core.testing;

import java.util.OptionalDouble;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import reactor.core.publisher.Flux;

/** Pooled u16 test frames whose pixels all hold the sequence number. */
public final class Frames {
    private Frames() {
    }

    public static FramePool pool(int capacity) {
        return new FramePool(4, 3, PixelType.U16, capacity);
    }

    public static Frame frame(FramePool pool, long seq) {
        short[] px = new short[pool.width() * pool.height()];
        java.util.Arrays.fill(px, (short) seq);
        try {
            return pool.acquire(new FrameMetadata(seq, seq * 1_000_000L, pool.width(), pool.height(), PixelType.U16,
                    OptionalDouble.empty(), 0, "test"), new PixelData.U16(px));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lazy flux of frames 0..n-1 acquired on request. */
    public static Flux<Frame> flux(FramePool pool, int n) {
        return Flux.range(0, n).map(i -> frame(pool, i));
    }
}
