package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.Candidate;

/**
 * One device's queue in a run spread over several devices ({@link SpreadStreamer}): every call to its
 * {@link EsrrfSession} runs, in order, on the lane's own thread, so that the analysis thread hands a frame over and
 * goes on with the next device's frames while this one computes. At most {@code room} frames wait in the lane; then
 * {@link #add} waits (backpressure, as a synchronous session would give).
 *
 * <p>The first failure of a call ends the lane: later calls are skipped and every future completes with that
 * failure, so the streamer can hand the lane's work to another device. Unit times measured by the session are
 * collected on the lane's thread and {@link #pollTiming polled} by the placement.
 */
final class DeviceLane implements AutoCloseable {
    /** A unit's busy seconds on this lane's device, under the token it was ended with. */
    record Timing(long token, double seconds) {
    }

    private final Candidate candidate;
    private final String label;
    private final EsrrfSession session;
    private final ExecutorService thread;
    private final Semaphore room;
    private final ConcurrentLinkedQueue<Timing> timings = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;

    DeviceLane(Candidate candidate, String label, EsrrfSession session, int room) {
        this.candidate = candidate;
        this.label = label;
        this.session = session;
        this.room = new Semaphore(room);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowscope-lane " + label);
            t.setDaemon(true);
            return t;
        });
    }

    Candidate candidate() {
        return candidate;
    }

    String label() {
        return label;
    }

    /** The failure that ended this lane, or null while it works. */
    RuntimeException failure() {
        return failure;
    }

    void begin(long run) {
        submit(() -> {
            session.begin(run);
            return null;
        });
    }

    /** Queues one frame ({@code pixels} must not change afterwards); waits while the lane is full. */
    void add(long run, PixelData pixels, FrameShift shift) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + label, e);
        }
        CompletableFuture<Object> f = submit(() -> {
            session.add(run, pixels, shift);
            return null;
        });
        f.whenComplete((v, e) -> room.release());
    }

    /** Ends the unit whose frames were added since the last mark; its time comes back under {@code token}. */
    void endUnit(long token) {
        submit(() -> {
            session.endUnit(token);
            session.drainTimings((t, s) -> timings.add(new Timing(t, s)));
            return null;
        });
    }

    /** Asks the session for unit times that completed since (a GPU reports them after the fact). */
    void collect() {
        submit(() -> {
            session.drainTimings((t, s) -> timings.add(new Timing(t, s)));
            return null;
        });
    }

    /** The next unit time collected, or null. */
    Timing pollTiming() {
        return timings.poll();
    }

    /** The window made of {@code runs} of this lane, once the lane reaches it. */
    CompletableFuture<PendingWindow> window(List<Long> runs) {
        return submit(() -> session.window(runs));
    }

    /** A host copy of run {@code run}'s sums, once its frames are in. */
    CompletableFuture<TemporalAccumulator> partial(long run) {
        return submit(() -> session.partial(run).copy());
    }

    void release(long run) {
        submit(() -> {
            session.release(run);
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Supplier<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        RuntimeException failed = failure;
        if (failed != null) {
            f.completeExceptionally(failed);
            return f;
        }
        try {
            thread.execute(() -> {
                RuntimeException before = failure;
                if (before != null) {
                    f.completeExceptionally(before);
                    return;
                }
                try {
                    f.complete(call.get());
                } catch (RuntimeException e) {
                    fail(e);
                    f.completeExceptionally(e);
                } catch (LinkageError e) {
                    // a native library that cannot link is the device's failure, not the run's
                    RuntimeException r = new IllegalStateException(label + ": " + e, e);
                    fail(r);
                    f.completeExceptionally(r);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException(label + " is closed", e));
        }
        return f;
    }

    /** Ends the lane with {@code e} (also for a failure seen outside the lane's thread, in a read-back). */
    synchronized void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Closes the session after the work queued before, and stops the thread. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    session.close();
                    closed.complete(null);
                } catch (RuntimeException e) {
                    closed.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(label + " did not finish its work within 10 min");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure == null) {
            closed.join();
        }
    }
}
