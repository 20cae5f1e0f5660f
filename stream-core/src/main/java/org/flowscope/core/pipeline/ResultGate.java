package org.flowscope.core.pipeline;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.sink.ResultSink;

/**
 * The result sink of a run behind a gate that closes once: after {@link #finish()} or {@link #abort()}, a result
 * that still arrives (from an analysis thread that was computing a window when the run failed or its analysis was
 * abandoned) is refused instead of written. Without the gate such a late write would start a new
 * {@code result.tif.partial} after the run had aborted the sink, or append to a file being renamed. Writes, finish and
 * abort are serialised, so a finish waits for a write in progress (a write is one file append).
 */
final class ResultGate implements ResultSink {
    private final ResultSink sink;
    private boolean closed;
    private long refused;
    private long written;

    ResultGate(ResultSink sink) {
        this.sink = sink;
    }

    /** Writes {@code result} unless the gate is closed (then the result is refused and counted). */
    @Override
    public void write(ImageStack result, WindowContext context) {
        offer(result, context);
    }

    /** Writes {@code result} and returns true, or returns false when the gate is closed (the result is refused). */
    synchronized boolean offer(ImageStack result, WindowContext context) {
        if (closed) {
            refused++;
            return false;
        }
        sink.write(result, context);
        written++;
        return true;
    }

    /** Closes the gate and commits the sink. */
    @Override
    public synchronized void finish() {
        closed = true;
        sink.finish();
    }

    /** Closes the gate and discards the sink's output; idempotent. */
    @Override
    public synchronized void abort() {
        closed = true;
        sink.abort();
    }

    /** Results written through the gate. */
    synchronized long written() {
        return written;
    }

    /** Results refused because they arrived after the gate closed. */
    synchronized long refused() {
        return refused;
    }
}
