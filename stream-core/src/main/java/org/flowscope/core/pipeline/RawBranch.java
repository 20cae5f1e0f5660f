package org.flowscope.core.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.stream.StageStats;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The raw branch of a live run, decoupled from the analysis so that what was acquired is saved whatever the analysis
 * does: every frame is written to the raw sink on the ingest thread as soon as it leaves the ring, then handed to the
 * analysis through an unbounded queue ({@link #frames()}). The queue is bounded in practice by the frame pool: frames
 * waiting for a slow analysis hold pooled buffers, and when the pool runs dry the source waits (policy {@code lag}).
 *
 * <p>Because the raw sink sees the end of the stream before the analysis does, it is committed as soon as the source
 * has stopped, however many windows are still waiting for the analysis (a Ctrl-C on a long backlog). When the
 * analysis goes away (it failed, or was abandoned: {@link #detach()}), the source is stopped, the frames still
 * arriving are written and released, and the raw file is committed all the same. A failure of the source itself
 * commits the frames it delivered before failing, except when the source reports bad input
 * ({@link IllegalArgumentException}: a corrupt recording, whose copy would be worth nothing); a failure of the raw
 * sink fails the run.
 *
 * <p>Threads: subscribing to {@link #frames()} subscribes upstream; frames, completion and errors arrive on the ingest thread; the
 * sink is only touched under this object's lock, so {@link #awaitEnd} can end it from another thread when the source
 * does not stop in time.
 */
final class RawBranch {
    private static final Logger LOG = LoggerFactory.getLogger(RawBranch.class);

    private final FrameSource source;
    private final Flux<Frame> ingest;
    private final FrameSink sink;
    private final RunCounters counters;
    private final StageStats timing;
    private final Sinks.Many<Frame> analysis = Sinks.many().unicast().onBackpressureBuffer();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Upstream upstream = new Upstream();
    private volatile boolean detached;
    private boolean closed;
    private Throwable sourceError;
    private RuntimeException sinkError;

    /**
     * @param sink   the raw sink, or null (frames then only go to the analysis)
     * @param timing where the sink's time per frame is recorded (null without a sink)
     */
    RawBranch(FrameSource source, Flux<Frame> ingest, FrameSink sink, RunCounters counters, StageStats timing) {
        this.source = source;
        this.ingest = ingest;
        this.sink = sink;
        this.counters = counters;
        this.timing = timing;
    }

    /**
     * The frames for the analysis, each owned by the subscriber. Subscribe once. <b>Backpressure:</b> frames wait in
     * an unbounded queue (bounded by the frame pool). <b>Cancel:</b> queued frames are released and the branch is
     * {@link #detach() detached}.
     */
    Flux<Frame> frames() {
        // the source starts once the analysis has subscribed, so no frame can wait for a subscriber that never comes
        return analysis.asFlux().doOnSubscribe(s -> ingest.subscribe(upstream)).doOnCancel(this::detach)
                .doOnDiscard(Frame.class, Frame::release);
    }

    /**
     * The analysis is gone (its subscriber cancelled): stops the source; frames still arriving are written to the raw
     * sink and released, and the raw sink is committed when the source has stopped. Idempotent, from any thread.
     */
    void detach() {
        if (!detached) {
            detached = true;
            source.stop();
        }
    }

    boolean detached() {
        return detached;
    }

    /**
     * Waits until the source has ended and the raw sink was committed (or aborted); past {@code timeoutMs}, ends the
     * branch itself: the frames written so far are committed, later ones are released unwritten and counted as
     * {@code raw.unsaved}. Returns whether the source ended in time.
     */
    boolean awaitEnd(long timeoutMs) {
        try {
            if (ended.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("the source did not stop within {} ms; saving the {} raw frames written so far", timeoutMs,
                counters.get(RunCounters.RAW_FRAMES));
        end(null);
        upstream.cancelUpstream();
        return false;
    }

    /** The source's failure, if it failed. */
    synchronized Throwable sourceError() {
        return sourceError;
    }

    /** The raw sink's failure (writing or committing), if it failed. */
    synchronized RuntimeException sinkError() {
        return sinkError;
    }

    private synchronized void write(Frame frame) {
        if (closed) {
            counters.increment("raw.unsaved");
            return;
        }
        if (sink != null) {
            long s = System.nanoTime();
            sink.write(frame);
            timing.record(System.nanoTime() - s);
            counters.increment(RunCounters.RAW_FRAMES);
        }
    }

    /** Commits (or, for bad input, aborts) the raw sink once; {@code error} is the source's failure, if any. */
    private synchronized void end(Throwable error) {
        if (closed) {
            return;
        }
        closed = true;
        if (error != null) {
            sourceError = error;
        }
        if (sink == null) {
            return;
        }
        if (error instanceof IllegalArgumentException || sinkError != null) {
            sink.abort();
            return;
        }
        try {
            if (counters.get(RunCounters.RAW_FRAMES) > 0) {
                sink.finish();
            } else {
                sink.abort();
            }
        } catch (RuntimeException e) {
            sinkError = e;
            sink.abort();
        }
    }

    private final class Upstream extends BaseSubscriber<Frame> {
        @Override
        protected void hookOnSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        void cancelUpstream() {
            cancel();
        }

        @Override
        protected void hookOnNext(Frame frame) {
            try {
                write(frame);
            } catch (RuntimeException e) {
                frame.release();
                synchronized (RawBranch.this) {
                    sinkError = e;
                }
                // the raw sink cannot take frames: the run fails, and the source stops
                cancel();
                source.stop();
                end(null);
                analysis.tryEmitError(e);
                ended.countDown();
                return;
            }
            if (detached || analysis.tryEmitNext(frame).isFailure()) {
                frame.release();
            }
        }

        @Override
        protected void hookOnComplete() {
            end(null);
            analysis.tryEmitComplete();
            ended.countDown();
        }

        @Override
        protected void hookOnError(Throwable error) {
            end(error);
            analysis.tryEmitError(error);
            ended.countDown();
        }
    }
}
