package org.flowscope.core.frame;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.core.io.PixelConversion;
import org.flowscope.core.source.PixelData;

/**
 * One acquired frame: metadata plus pixels in a buffer borrowed from a {@link FramePool}.
 *
 * <p><b>Ownership.</b> A frame starts with one reference, owned by whoever received it. {@link #retain()} adds a
 * reference (a sliding window that shares the frame with the next window), {@link #release()} drops one; when the
 * last reference is released the buffer goes back to the pool. Every reference must be released exactly once:
 * releasing more often throws {@link IllegalStateException}, releasing less shows up as a leak in
 * {@link FramePool#outstanding()}. The pixels must not be read after the holder's release.
 */
public final class Frame {
    private final FramePool pool;
    private final FramePool.Buffer buffer;
    private final FrameMetadata metadata;
    private final long ingestNanos;
    private final AtomicInteger refs = new AtomicInteger(1);

    Frame(FramePool pool, FramePool.Buffer buffer, FrameMetadata metadata, long ingestNanos) {
        this.pool = pool;
        this.buffer = buffer;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ingestNanos = ingestNanos;
    }

    public FrameMetadata metadata() {
        return metadata;
    }

    /** Shortcut for {@code metadata().sequence()}. */
    public long sequence() {
        return metadata.sequence();
    }

    /** {@link System#nanoTime()} when the frame entered flowscope (for latency). */
    public long ingestNanos() {
        return ingestNanos;
    }

    /** The pixels, in the pooled array (valid until released; do not keep it). */
    public PixelData pixels() {
        checkLive();
        return buffer.data();
    }

    /** Copies the pixels as floats (unsigned values unchanged) into {@code dst[offset..]}. */
    public void copyTo(float[] dst, int offset) {
        PixelConversion.toFloat(pixels(), dst, offset, metadata.pixelCount());
    }

    /** Adds a reference; returns this. */
    public Frame retain() {
        int before = refs.getAndUpdate(r -> r <= 0 ? r : r + 1);
        if (before <= 0) {
            throw new IllegalStateException("frame " + metadata.sequence() + " retained after its last release");
        }
        return this;
    }

    /** Drops a reference; the last one returns the buffer to the pool. */
    public void release() {
        int now = refs.decrementAndGet();
        if (now < 0) {
            throw new IllegalStateException("frame " + metadata.sequence() + " released more often than retained");
        }
        if (now == 0) {
            pool.giveBack(buffer, this);
        }
    }

    /** Current reference count (0 once released). */
    public int references() {
        return Math.max(0, refs.get());
    }

    private void checkLive() {
        if (refs.get() <= 0) {
            throw new IllegalStateException("frame " + metadata.sequence() + " used after release");
        }
    }

    @Override
    public String toString() {
        return "Frame[" + metadata.sequence() + ", refs=" + references() + "]";
    }
}
