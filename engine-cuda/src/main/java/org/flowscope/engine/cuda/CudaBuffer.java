package org.flowscope.engine.cuda;

import jcuda.driver.CUdeviceptr;
import org.flowscope.engine.device.BufferPool;

/** A pooled CUDA device allocation: {@link #close()} hands it back to its device's pool (contents not cleared). */
public final class CudaBuffer implements AutoCloseable {
    private final BufferPool<CUdeviceptr> pool;
    private final long bytes;
    private final CUdeviceptr pointer;
    private boolean closed;

    CudaBuffer(BufferPool<CUdeviceptr> pool, long bytes, CUdeviceptr pointer) {
        this.pool = pool;
        this.bytes = bytes;
        this.pointer = pointer;
    }

    public CUdeviceptr pointer() {
        return pointer;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.giveBack(0, bytes, pointer);
        }
    }
}
