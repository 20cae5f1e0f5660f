package org.flowscope.core.testing;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * A test source of {@code frames} u16 frames whose every pixel holds the frame's sequence number (mod 65536),
 * optionally paced ({@code periodMicros} between frames), optionally losing the sequence numbers in {@code lost}
 * (they are skipped, leaving gaps), optionally failing after {@code failAfter} frames.
 */
public final class CountingSource implements FrameSource {
    private final int width;
    private final int height;
    private final int frames;
    private final long periodMicros;
    private final Set<Integer> lost;
    private final int failAfter;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger delivered = new AtomicInteger();
    private volatile boolean closed;

    public CountingSource(int width, int height, int frames, long periodMicros, Set<Integer> lost, int failAfter) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.periodMicros = periodMicros;
        this.lost = lost;
        this.failAfter = failAfter;
    }

    public static CountingSource of(int width, int height, int frames) {
        return new CountingSource(width, height, frames, 0, Set.of(), -1);
    }

    public static CountingSource paced(int width, int height, int frames, long periodMicros) {
        return new CountingSource(width, height, frames, periodMicros, Set.of(), -1);
    }

    @Override
    public SourceFormat format() {
        return new SourceFormat(width, height, PixelType.U16, OptionalLong.of(frames),
                periodMicros > 0 ? OptionalDouble.of(1e6 / periodMicros) : OptionalDouble.empty(), OptionalDouble.of(100));
    }

    @Override
    public void run(FrameConsumer consumer) throws Exception {
        short[] px = new short[width * height];
        long start = System.nanoTime();
        for (int i = 0; i < frames && !stopped.get(); i++) {
            if (failAfter >= 0 && i == failAfter) {
                throw new IllegalStateException("camera failed at frame " + i);
            }
            if (periodMicros > 0) {
                long due = start + i * periodMicros * 1000;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            if (lost.contains(i)) {
                continue;
            }
            java.util.Arrays.fill(px, (short) i);
            consumer.accept(new FrameMetadata(i, System.nanoTime(), width, height, PixelType.U16,
                    OptionalDouble.of(100), 0, "counting"), new PixelData.U16(px));
            delivered.incrementAndGet();
        }
    }

    /** Frames handed to the consumer so far. */
    public int delivered() {
        return delivered.get();
    }

    @Override
    public void stop() {
        stopped.set(true);
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
