package org.flowscope.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.FrameFlux;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.stream.StageStats;
import org.flowscope.core.stream.StreamStep;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The streaming form of a {@link LivePipeline}'s analysis branch: frames go through the stages' streaming forms
 * ({@link StreamStage}) to the operator's ({@link StreamingOperator.FrameStream}) one by one as they arrive, on the
 * analysis thread; each window's result is awaited, written and handed to the side branches on a writer thread
 * ({@code flowscope-results}), in window order, while later frames are already being computed. At most
 * {@link #MAX_PENDING} results (or the operator's {@link StreamingOperator.FrameStream#resultsInFlight}) wait for the
 * writer; then the analysis thread waits too.
 *
 * <p>Timings: each stage's own time per frame (time spent downstream excluded) under its name, per window end under
 * {@code <name>.window}; the wait for a result under {@code <op>.await}, the write under {@code result}.
 */
final class StreamingAnalysis {
    static final int MAX_PENDING = 3;

    private final List<StreamStage> stages;
    private final List<String> names;
    private final StreamingOperator.FrameStream op;
    private final StreamLayout layout;
    private final RunCounters counters;
    private final Function<String, StageStats> timings;
    private final StageStats latency;
    private final ResultGate sink;
    private final List<ListenerBranch> branches;
    private final AtomicLong backlog = new AtomicLong();
    private final long[] childNanos;
    private final Link[] links;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flowscope-results");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore pending;
    private final AtomicReference<Throwable> writeError = new AtomicReference<>();
    /** Whether the analysis thread is in a stage or the operator (after an abandon: they are still in use). */
    private volatile boolean busy;
    private volatile boolean done;

    private StreamingAnalysis(List<StreamStage> stages, List<String> names, StreamingOperator.FrameStream op,
            StreamLayout layout, RunCounters counters, Function<String, StageStats> timings, StageStats latency,
            ResultGate sink, List<ListenerBranch> branches) {
        this.stages = stages;
        this.names = names;
        this.op = op;
        this.pending = new Semaphore(Math.max(1, op.resultsInFlight()));
        this.layout = layout;
        this.counters = counters;
        this.timings = timings;
        this.latency = latency;
        this.sink = sink;
        this.branches = branches;
        this.childNanos = new long[stages.size() + 1];
        this.links = new Link[stages.size() + 1];
        for (int i = 0; i < links.length; i++) {
            links[i] = new Link(i);
        }
    }

    /**
     * The streaming analysis of {@code operator}'s stages, or null when one of them cannot stream (then the pipeline
     * analyses whole windows). Every stage before the last must be {@link Streamable}, the last a
     * {@link StreamingOperator}.
     */
    static StreamingAnalysis open(WindowOperator operator, StreamLayout layout, SourceFormat format,
            RunCounters counters, Function<String, StageStats> timings, StageStats latency, ResultGate sink,
            List<ListenerBranch> branches) {
        List<WindowOperator> all = operator.stages();
        List<StreamStage> stages = new ArrayList<>();
        for (WindowOperator w : all.subList(0, all.size() - 1)) {
            StreamStage s = w instanceof Streamable st ? st.openStream(layout, format) : null;
            if (s == null) {
                stages.forEach(StreamStage::discard);
                return null;
            }
            stages.add(s);
        }
        WindowOperator last = all.get(all.size() - 1);
        StreamingOperator.FrameStream op = last instanceof StreamingOperator so ? so.openStream(layout, format) : null;
        if (op == null) {
            stages.forEach(StreamStage::discard);
            return null;
        }
        List<String> names = new ArrayList<>(stages.stream().map(StreamStage::name).toList());
        names.add(last.name());
        return new StreamingAnalysis(stages, names, op, layout, counters, timings, latency, sink, branches);
    }

    /**
     * The analysis of {@code frames} on {@code analysis}: completes after the last result was written, fails with the
     * first failure (of a stage, the operator or the writer). Subscribe once, then {@link #close} it.
     */
    Mono<Void> analyse(Flux<Frame> frames, Scheduler analysis, BackpressurePolicy policy, int lagSpool) {
        // skip: a window is skipped when its first frame finds more than a step of frames still waiting
        Flux<StreamStep> events = FrameFlux.stream(frames, layout, policy, backlog, layout.step(), counters);
        int prefetch;
        if (policy == BackpressurePolicy.SKIP) {
            // never slow the source: the skip rule, not demand, bounds what waits
            events = events.onBackpressureBuffer();
            prefetch = Queues.SMALL_BUFFER_SIZE;
        } else {
            prefetch = Math.max(2, lagSpool * layout.step());
        }
        return events.publishOn(analysis, prefetch).doOnNext(this::handle).doOnComplete(this::flush)
                .doOnDiscard(StreamStep.class, StreamStep::release).then()
                .then(Mono.fromRunnable(this::drainWriter));
    }

    /** After the last frame: waits for the writer to write every result; throws its failure. */
    private void drainWriter() {
        writer.shutdown();
        awaitWriter(TimeUnit.MINUTES.toMillis(10));
        Throwable e = writeError.get();
        if (e != null) {
            throw failure(e);
        }
        done = true;
    }

    /**
     * Ends the analysis: when it did not complete, the stages' state is discarded and the writer stopped. Returns
     * whether the operator's stream was closed; not after an {@code abandoned} analysis that is still computing a
     * frame or awaiting a result (its resources are still in use).
     */
    boolean close(boolean abandoned) {
        if (!done) {
            if (abandoned && busy) {
                writer.shutdownNow();
                return false;
            }
            stages.forEach(StreamStage::discard);
            writer.shutdownNow();
            if (!awaitWriter(abandoned ? 1_000 : TimeUnit.MINUTES.toMillis(10)) && abandoned) {
                return false;
            }
        }
        op.close();
        return true;
    }

    private boolean awaitWriter(long ms) {
        try {
            // results are awaited in order; a device result arrives within seconds or the device failed
            if (!writer.awaitTermination(ms, TimeUnit.MILLISECONDS)) {
                writeError.compareAndSet(null, new IllegalStateException("result writer did not finish within "
                        + ms + " ms"));
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RuntimeException failure(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.toString(), e);
    }

    private void handle(StreamStep step) {
        Throwable e = writeError.get();
        if (e != null) {
            step.release();
            throw failure(e);
        }
        busy = true;
        try {
            if (step.frame() != null) {
                backlog.decrementAndGet();
                links[0].frame(step.frame());
            }
            if (step.end() != null) {
                links[0].windowEnd(step.end());
            }
        } catch (LinkageError | VirtualMachineError fatal) {
            // Reactor rethrows these to the scheduler thread instead of signalling them, which would leave the run
            // waiting for ever: end it as a failure (exit 4) that names the error
            throw new IllegalStateException("analysis failed: " + fatal, fatal);
        } finally {
            busy = false;
        }
    }

    /** End of stream, on the analysis thread: each stage hands on what it holds, in order. */
    private void flush() {
        busy = true;
        for (int i = 0; i < stages.size(); i++) {
            long t0 = System.nanoTime();
            stages.get(i).finish(links[i + 1]);
            timings.apply(names.get(i) + ".finish").record(System.nanoTime() - t0);
        }
        busy = false;
    }

    private void submit(WindowEnd end, StreamingOperator.PendingResult result) {
        try {
            pending.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the result writer", e);
        }
        String op = names.get(names.size() - 1);
        writer.execute(() -> {
            try {
                if (writeError.get() != null) {
                    return;
                }
                long s = System.nanoTime();
                ImageStack image = result.await();
                timings.apply(op + ".await").record(System.nanoTime() - s);
                s = System.nanoTime();
                if (!sink.offer(image, end.context())) {
                    return; // the run already ended (failed or abandoned): nothing more is written
                }
                timings.apply("result").record(System.nanoTime() - s);
                counters.add(RunCounters.RESULT_FRAMES, image.frames());
                counters.increment(RunCounters.ANALYSIS_PROCESSED);
                latency.record(System.nanoTime() - end.lastIngestNanos());
                for (ListenerBranch b : branches) {
                    b.offer(image, end.context());
                }
            } catch (Throwable t) {
                writeError.compareAndSet(null, t);
            } finally {
                pending.release();
            }
        });
    }

    /** Delivers to stage {@code i} (the operator when {@code i} is the number of stages), timing its own share. */
    private final class Link implements StreamStage.Downstream {
        private final int i;

        Link(int i) {
            this.i = i;
        }

        @Override
        public void frame(StreamFrame f) {
            long t0 = System.nanoTime();
            long before = childNanos[i];
            if (i < stages.size()) {
                stages.get(i).frame(f, links[i + 1]);
            } else {
                op.frame(f);
            }
            account(t0, before, names.get(i));
        }

        @Override
        public void windowEnd(WindowEnd end) {
            long t0 = System.nanoTime();
            long before = childNanos[i];
            if (i < stages.size()) {
                stages.get(i).windowEnd(end, links[i + 1]);
            } else {
                submit(end, op.windowEnd(end));
            }
            account(t0, before, names.get(i) + ".window");
        }

        private void account(long t0, long before, String name) {
            long elapsed = System.nanoTime() - t0;
            timings.apply(name).record(elapsed - (childNanos[i] - before));
            if (i > 0) {
                childNanos[i - 1] += elapsed;
            }
        }
    }
}
