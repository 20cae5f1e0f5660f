package org.flowscope.core.frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.flowscope.core.source.PixelData;

/**
 * A bounded pool of pixel buffers of one size and type. Buffers are allocated lazily up to {@code capacity};
 * {@link #acquire} blocks while all are in use, which is how a slow consumer slows the producer down instead of
 * losing frames. Thread-safe.
 *
 * <p>{@link #outstanding()} counts frames not yet returned; {@link #leakReport()} names them. A test ends with
 * {@code outstanding() == 0} (see the pool-leak assertion in stream-core's test jar).
 */
public final class FramePool {
    private final int width;
    private final int height;
    private final PixelType type;
    private final int capacity;
    private final ArrayDeque<Buffer> free = new ArrayDeque<>();
    private final Map<Frame, Boolean> live = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    private int allocated;
    private long acquisitions;
    private long waits;

    /** A pooled pixel array. */
    static final class Buffer {
        private final PixelData data;

        Buffer(PixelData data) {
            this.data = data;
        }

        PixelData data() {
            return data;
        }
    }

    public FramePool(int width, int height, PixelType type, int capacity) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("pool capacity must be > 0 frames, got " + capacity);
        }
        this.width = width;
        this.height = height;
        this.type = type;
        this.capacity = capacity;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelType pixelType() {
        return type;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * A frame whose pixels are a copy of {@code pixels}; blocks while the pool is exhausted.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the run is being stopped)
     */
    public Frame acquire(FrameMetadata metadata, PixelData pixels) throws InterruptedException {
        Buffer b = take(-1);
        return fill(b, metadata, pixels);
    }

    /** Like {@link #acquire} but gives up after {@code timeoutMs}, returning {@code null}. */
    public Frame tryAcquire(FrameMetadata metadata, PixelData pixels, long timeoutMs) throws InterruptedException {
        Buffer b = take(timeoutMs);
        return b == null ? null : fill(b, metadata, pixels);
    }

    private Frame fill(Buffer b, FrameMetadata metadata, PixelData pixels) {
        try {
            copy(pixels, b.data(), metadata);
        } catch (RuntimeException e) {
            lock.lock();
            try {
                free.push(b);
                returned.signal();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        Frame f = new Frame(this, b, metadata, System.nanoTime());
        live.put(f, Boolean.TRUE);
        return f;
    }

    private Buffer take(long timeoutMs) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            acquisitions++;
            long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            if (free.isEmpty() && allocated >= capacity) {
                waits++;
            }
            while (free.isEmpty() && allocated >= capacity) {
                if (timeoutMs < 0) {
                    returned.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    returned.awaitNanos(left);
                }
            }
            if (!free.isEmpty()) {
                return free.pop();
            }
            allocated++;
        } finally {
            lock.unlock();
        }
        return new Buffer(allocate());
    }

    private PixelData allocate() {
        int n = width * height;
        return switch (type) {
            case U8 -> new PixelData.U8(new byte[n]);
            case U16 -> new PixelData.U16(new short[n]);
            case F32 -> new PixelData.F32(new float[n]);
        };
    }

    private void copy(PixelData src, PixelData dst, FrameMetadata md) {
        int n = width * height;
        if (md.width() != width || md.height() != height || md.pixelType() != type) {
            throw new IllegalArgumentException("frame " + md.sequence() + " is " + md.width() + "x" + md.height() + " "
                    + md.pixelType() + ", the pool holds " + width + "x" + height + " " + type);
        }
        if (src.length() != n) {
            throw new IllegalArgumentException("frame " + md.sequence() + " has " + src.length() + " pixels, expected " + n);
        }
        if (src instanceof PixelData.U16 s && dst instanceof PixelData.U16 d) {
            System.arraycopy(s.pixels(), 0, d.pixels(), 0, n);
        } else if (src instanceof PixelData.F32 s && dst instanceof PixelData.F32 d) {
            System.arraycopy(s.pixels(), 0, d.pixels(), 0, n);
        } else if (src instanceof PixelData.U8 s && dst instanceof PixelData.U8 d) {
            System.arraycopy(s.pixels(), 0, d.pixels(), 0, n);
        } else {
            throw new IllegalArgumentException("frame " + md.sequence() + " pixels are " + src.getClass().getSimpleName()
                    + ", the pool holds " + type);
        }
    }

    void giveBack(Buffer b, Frame f) {
        live.remove(f);
        lock.lock();
        try {
            free.push(b);
            returned.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Frames handed out and not yet fully released. */
    public int outstanding() {
        return live.size();
    }

    /** How many acquisitions had to wait for a buffer (including timed-out ones) (the consumer was slower than the producer). */
    public long waits() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }

    /** Total acquisitions. */
    public long acquisitions() {
        lock.lock();
        try {
            return acquisitions;
        } finally {
            lock.unlock();
        }
    }

    /** "" when nothing is outstanding, otherwise the outstanding frames (sequence and reference count). */
    public String leakReport() {
        List<Frame> frames;
        synchronized (live) {
            frames = new ArrayList<>(live.keySet());
        }
        if (frames.isEmpty()) {
            return "";
        }
        frames.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        StringBuilder sb = new StringBuilder(frames.size() + " frame(s) never released:");
        for (int i = 0; i < Math.min(20, frames.size()); i++) {
            sb.append(' ').append(frames.get(i));
        }
        if (frames.size() > 20) {
            sb.append(" ...");
        }
        return sb.toString();
    }
}
