package org.flowscope.core.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Waits for a live run's analysis (completed, failed or {@link #abandon() abandoned}) and then ends the run's two
 * outputs accordingly: the raw branch ({@link RawBranch}) and the result gate ({@link ResultGate}). What each ending
 * leaves is described on {@link LivePipeline#run()}.
 */
final class AnalysisControl {
    private final FrameSource source;
    private final WindowSpec window;
    private final RunCounters counters;
    private final long stopGraceMs;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean abandoned;
    private volatile Disposable subscription;

    AnalysisControl(FrameSource source, WindowSpec window, RunCounters counters, long stopGraceMs) {
        this.source = source;
        this.window = window;
        this.counters = counters;
        this.stopGraceMs = stopGraceMs;
    }

    /** Stops the source and cancels the analysis; {@link #await} returns at once. Idempotent, from any thread. */
    void abandon() {
        abandoned = true;
        source.stop();
        Disposable d = subscription;
        if (d != null) {
            d.dispose();
        }
        ended.countDown();
    }

    boolean abandoned() {
        return abandoned;
    }

    /** Subscribes to {@code analysis} and waits until it completes, fails or is abandoned; returns its failure. */
    Throwable await(Publisher<?> analysis) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Disposable d = Flux.from(analysis).subscribe(x -> { }, e -> {
            failure.set(e);
            ended.countDown();
        }, ended::countDown);
        subscription = d;
        if (abandoned) {
            d.dispose(); // abandoned while subscribing
        }
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
        }
        return abandoned ? null : failure.get();
    }

    /**
     * Ends the outputs once the analysis has ended; throws when the run failed.
     *
     * @param failure the analysis's failure, null when it completed or was abandoned
     * @param summary what the run counted so far (for an {@link AnalysisFailedException})
     */
    void end(RawBranch raw, ResultGate results, Throwable failure, Supplier<RunSummary> summary) {
        if (failure != null) {
            endFailed(raw, results, failure, summary);
            return;
        }
        raw.awaitEnd(stopGraceMs);
        if (raw.sinkError() != null) {
            results.abort();
            throw raw.sinkError();
        }
        if (abandoned) {
            long left = window.windowsFor(counters.get(RunCounters.INGEST_FRAMES))
                    - counters.get(RunCounters.ANALYSIS_PROCESSED) - counters.get(RunCounters.ANALYSIS_SKIPPED);
            counters.add(RunCounters.ANALYSIS_ABANDONED, Math.max(0, left));
            if (results.written() > 0) {
                results.finish();
            } else {
                results.abort();
            }
            return;
        }
        try {
            results.finish();
        } catch (RuntimeException | Error e) {
            results.abort();
            throw e;
        }
    }

    private void endFailed(RawBranch raw, ResultGate results, Throwable failure, Supplier<RunSummary> summary) {
        // closed first: a window still being computed must not write a result after the failure
        results.abort();
        Throwable sourceError = raw.sourceError();
        if (sourceError == null && raw.sinkError() == null) {
            // the analysis failed: the source is stopped and what it acquired is still saved
            raw.detach();
            raw.awaitEnd(stopGraceMs);
            if (raw.sinkError() != null) {
                failure.addSuppressed(raw.sinkError());
            }
            throw new AnalysisFailedException(failure, summary.get());
        }
        raw.awaitEnd(stopGraceMs);
        Throwable thrown = sourceError != null ? sourceError : raw.sinkError();
        if (thrown instanceof RuntimeException re) {
            throw re;
        }
        if (thrown instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(thrown.toString(), thrown);
    }
}
