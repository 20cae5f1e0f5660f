package org.flowscope.engine.device;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.flowscope.engine.spi.DeviceMemoryException;

/**
 * Keeps released device buffers for reuse, by exact (usage tag, size): streaming pipelines ask for the same sizes
 * frame after frame, and device allocation is slow. Retains at most {@code maxRetainedBytes}; beyond that a released
 * buffer is freed. Requests above the device's single-allocation limit fail before any launch with
 * {@link DeviceMemoryException}. Thread-safe. Shared by the backend modules (OpenCL, CUDA).
 *
 * @param <B> the native buffer handle
 */
public final class BufferPool<B> {
    private record Slot(long tag, long bytes) {
    }

    private final Map<Slot, ArrayDeque<B>> free = new HashMap<>();
    private final LongFunction<B> allocate;
    private final Consumer<B> release;
    private final long maxAllocBytes;
    private final long maxRetainedBytes;
    private long retainedBytes;
    private long allocations;

    /**
     * @param allocate         makes a native buffer of the given bytes
     * @param release          frees one
     * @param maxAllocBytes    the device's single-allocation limit
     * @param maxRetainedBytes the most bytes kept for reuse
     */
    public BufferPool(LongFunction<B> allocate, Consumer<B> release, long maxAllocBytes, long maxRetainedBytes) {
        this.allocate = allocate;
        this.release = release;
        this.maxAllocBytes = maxAllocBytes;
        this.maxRetainedBytes = maxRetainedBytes;
    }

    /** A buffer of {@code bytes} for usage {@code tag}, reused when one was given back, else allocated. */
    public B acquire(long tag, long bytes, String what) {
        return acquire(tag, bytes, what, allocate);
    }

    /** Like {@link #acquire(long, long, String)} with this allocator for a miss. */
    public B acquire(long tag, long bytes, String what, LongFunction<B> allocator) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("buffer size must be > 0 bytes, got " + bytes);
        }
        if (bytes > maxAllocBytes) {
            throw new DeviceMemoryException(what, bytes, maxAllocBytes);
        }
        synchronized (this) {
            ArrayDeque<B> q = free.get(new Slot(tag, bytes));
            if (q != null && !q.isEmpty()) {
                retainedBytes -= bytes;
                return q.pop();
            }
            allocations++;
        }
        return allocator.apply(bytes);
    }

    /** Keeps {@code buffer} for reuse, or frees it when the pool holds enough. */
    public void giveBack(long tag, long bytes, B buffer) {
        synchronized (this) {
            if (retainedBytes + bytes <= maxRetainedBytes) {
                free.computeIfAbsent(new Slot(tag, bytes), s -> new ArrayDeque<>()).push(buffer);
                retainedBytes += bytes;
                return;
            }
        }
        release.accept(buffer);
    }

    /** Native allocations made so far (reuses do not count). */
    public synchronized long allocations() {
        return allocations;
    }

    /** Frees every retained buffer. */
    public synchronized void clear() {
        free.values().forEach(q -> q.forEach(release));
        free.clear();
        retainedBytes = 0;
    }
}
