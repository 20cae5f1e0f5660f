package org.flowscope.engine.opencl;

import org.flowscope.engine.device.BufferPool;
import org.jocl.cl_mem;

/**
 * A pooled OpenCL buffer: {@link #close()} hands it back to its device's pool for the next run of the same size
 * and flags (its contents are not cleared).
 */
public final class OpenClBuffer implements AutoCloseable {
    private final BufferPool<cl_mem> pool;
    private final long flags;
    private final long bytes;
    private final cl_mem mem;
    private boolean closed;

    OpenClBuffer(BufferPool<cl_mem> pool, long flags, long bytes, cl_mem mem) {
        this.pool = pool;
        this.flags = flags;
        this.bytes = bytes;
        this.mem = mem;
    }

    public cl_mem mem() {
        return mem;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.giveBack(flags, bytes, mem);
        }
    }
}
