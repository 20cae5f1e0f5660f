package org.flowscope.core.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.sink.ResultSink;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.IngestRing;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.stream.StageStats;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowSpec;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A live run: source → ingest ring → raw sink (never drops) → windows → operator chain (policy {@code lag} or
 * {@code skip}) → result sink, plus latest-wins side branches. Built with {@link #builder}, run once with
 * {@link #run()}, which blocks until the source is exhausted or {@link #stop()} is called (a graceful stop: the
 * results so far are committed).
 *
 * <p>Threads: the source runs on {@code flowscope-source}, the raw sink and the window assembly on
 * {@code flowscope-ingest}, the operators and the result sink on {@code flowscope-analysis}, each side branch on its
 * own thread. The raw branch is decoupled from the analysis ({@link RawBranch}): what was acquired is saved even when
 * the analysis fails or is abandoned; see {@link #run()} for what each failure leaves.
 */
public final class LivePipeline {
    private static final long ABANDONED_SIDE_BRANCH_MS = 1_000;
    private final Builder b;
    private final RunCounters counters = new RunCounters();
    private final Map<String, StageStats> timings = new ConcurrentHashMap<>();
    private final StageStats latency = new StageStats();
    private final List<ListenerBranch> branches = new ArrayList<>();
    private final FramePool pool;
    private volatile long lastProgressFrames;
    private volatile long lastProgressNanos;
    private volatile double lastFps;
    private final ResultGate results;
    private final AnalysisControl control;
    private volatile String mode = "window";
    private volatile long lastIngestNanos;

    private LivePipeline(Builder b) {
        this.b = b;
        this.results = new ResultGate(b.resultSink);
        this.control = new AnalysisControl(b.source, b.window, counters, b.stopGraceMs);
        SourceFormat f = b.source.format();
        this.pool = new FramePool(f.width(), f.height(), f.pixelType(), b.poolCapacity > 0 ? b.poolCapacity : defaultPoolCapacity());
        for (ResultListener l : b.listeners) {
            branches.add(new ListenerBranch(l, counters));
        }
    }

    public static Builder builder(FrameSource source) {
        return new Builder(source);
    }

    /** The frame pool of this run (for leak checks). */
    public FramePool pool() {
        return pool;
    }

    public RunCounters counters() {
        return counters;
    }

    private int defaultPoolCapacity() {
        WindowSpec w = b.window;
        SourceFormat f = b.source.format();
        long bytesPerFrame = (long) f.width() * f.height() * f.pixelType().bytes();
        long wanted = w.size() + (long) (b.lagSpool + 2) * w.step() + 64;
        long needed = w.size() + w.step() + 2L;
        long budget = Math.max(needed, Runtime.getRuntime().maxMemory() / 4 / bytesPerFrame);
        long cap = Math.min(wanted, budget);
        if (cap * bytesPerFrame > Runtime.getRuntime().maxMemory() * 3 / 4) {
            throw new IllegalArgumentException("window of " + w.size() + " frames of " + f.width() + "x" + f.height()
                    + " needs " + (cap * bytesPerFrame >> 20) + " MiB of frame buffers, more than the heap allows ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); use a smaller --window or a larger -Xmx");
        }
        return (int) Math.min(Integer.MAX_VALUE, cap);
    }

    /**
     * Asks the source to stop; {@link #run()} then finishes normally with what was acquired: the raw file is committed
     * as soon as the source has ended, the windows already acquired are still analysed.
     */
    public void stop() {
        b.source.stop();
    }

    /**
     * Stops the source and gives up the analysis: no further window is analysed (those left are counted as
     * {@value RunCounters#ANALYSIS_ABANDONED}); {@link #run()} returns once every acquired frame is in the raw file,
     * with the results written so far committed. A window being computed is not waited for. Safe from any thread.
     */
    public void abandonAnalysis() {
        control.abandon();
    }

    /** Whether {@link #abandonAnalysis()} was called. */
    public boolean analysisAbandoned() {
        return control.abandoned();
    }

    /** The current progress snapshot (thread-safe). */
    public Progress progress() {
        long frames = counters.get(RunCounters.INGEST_FRAMES);
        long now = System.nanoTime();
        long dt = now - lastProgressNanos;
        double fps = lastFps;
        if (dt >= 200_000_000L) {
            // rate over the last interval; shorter intervals (a final snapshot) keep the previous rate
            fps = (frames - lastProgressFrames) * 1e9 / dt;
            lastFps = fps;
            lastProgressFrames = frames;
            lastProgressNanos = now;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (RunContributor c : contributors()) {
            try {
                fields.putAll(c.progressFields());
            } catch (RuntimeException e) {
                fields.put(c.section(), "?");
            }
        }
        return new Progress(frames, fps, latency.quantileMs(0.5), counters.drops(),
                counters.get(RunCounters.ANALYSIS_PROCESSED), fields);
    }

    private List<RunContributor> contributors() {
        List<RunContributor> all = new ArrayList<>();
        for (WindowOperator op : b.operator.stages()) {
            if (op instanceof RunContributor c) {
                all.add(c);
            }
        }
        all.addAll(b.listeners);
        all.addAll(b.contributors);
        return all;
    }

    /**
     * Runs to completion and returns the summary. The raw file is committed as soon as the source has ended, whatever
     * the analysis still has to do; the result file when the analysis has ended (or was {@link #abandonAnalysis()
     * abandoned}: then with the windows written so far). Throws when the run fails: a source that reports bad input
     * ({@link IllegalArgumentException}) leaves no file; a source that fails otherwise, or a failing analysis
     * ({@link AnalysisFailedException}), leaves the raw file of every frame acquired and no result file.
     */
    public RunSummary run() {
        long t0 = System.nanoTime();
        lastProgressNanos = t0;
        Scheduler analysis = Schedulers.newSingle("flowscope-analysis", true);
        ScheduledExecutorService ticker = null;
        if (b.progress != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flowscope-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> b.progress.accept(progress()), b.progressIntervalMs, b.progressIntervalMs,
                    TimeUnit.MILLISECONDS);
        }
        // a ring at least as large as the pool never fills: the producer waits in the pool (a blocking wait)
        // rather than in the ring's claim loop (a parking spin)
        Flux<Frame> ingest = IngestRing.frames(b.source, pool, Math.max(b.ringSize, pool.capacity()), counters)
                .doOnNext(f -> lastIngestNanos = f.ingestNanos());
        RawBranch raw = new RawBranch(b.source, ingest, b.rawSink, counters, b.rawSink == null ? null : stage("raw"));
        WindowAnalysis windows = new WindowAnalysis(b.operator, results, counters, this::stage, latency, branches);
        StreamingAnalysis streaming = null;
        try {
            streaming = b.streaming && !b.window.emitPartialLast()
                    ? StreamingAnalysis.open(b.operator, StreamLayout.of(b.window.size(), b.window.step()),
                            b.source.format(), counters, this::stage, latency, results, branches)
                    : null;
            mode = streaming != null ? "stream" : "window";
            Throwable failure = control.await(streaming != null
                    ? streaming.analyse(raw.frames(), analysis, b.policy, b.lagSpool)
                    : windows.analyse(raw.frames(), b.window, analysis, b.policy, b.lagSpool));
            control.end(raw, results, failure, () -> summary((System.nanoTime() - t0) / 1e6, 0));
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            // after an abandon a frame or window may still be computed: closing device resources under it could crash
            // the process before run.json is written, and the process is about to end anyway
            boolean idle = streaming != null ? streaming.close(control.abandoned()) : !windows.busy();
            analysis.dispose();
            for (ListenerBranch br : branches) {
                br.finish(control.abandoned() ? Math.min(b.sideBranchTimeoutMs, ABANDONED_SIDE_BRANCH_MS)
                        : b.sideBranchTimeoutMs);
            }
            if (idle) {
                b.operator.close();
            }
        }
        if (b.progress != null) {
            b.progress.accept(progress());
        }
        long end = System.nanoTime();
        return summary((end - t0) / 1e6, lastIngestNanos == 0 ? 0 : (end - lastIngestNanos) / 1e6);
    }

    private StageStats stage(String name) {
        return timings.computeIfAbsent(name, k -> new StageStats());
    }

    private RunSummary summary(double elapsedMs, double endLagMs) {
        Map<String, Map<String, Object>> t = new LinkedHashMap<>();
        timings.forEach((k, v) -> t.put(k, v.toMap()));
        t.put("latency", latency.toMap());
        Map<String, Object> sections = new LinkedHashMap<>();
        for (RunContributor c : contributors()) {
            Object v = c.runJsonSection();
            if (v != null && !(v instanceof Map<?, ?> m && m.isEmpty())) {
                sections.put(c.section(), v);
            }
        }
        Map<String, Object> poolStats = new LinkedHashMap<>();
        poolStats.put("capacity", pool.capacity());
        poolStats.put("waits", pool.waits());
        poolStats.put("outstanding", pool.outstanding());
        Map<String, String> errors = new LinkedHashMap<>();
        for (ListenerBranch br : branches) {
            if (br.firstError() != null) {
                errors.put(br.listener().section(), br.firstError());
            }
        }
        return new RunSummary(counters.get(RunCounters.INGEST_FRAMES), elapsedMs, counters.snapshot(), t, sections,
                poolStats, errors, mode, endLagMs);
    }

    /** Configuration of a {@link LivePipeline}. */
    public static final class Builder {
        private final FrameSource source;
        private WindowSpec window = WindowSpec.tumbling(100);
        private WindowOperator operator;
        private BackpressurePolicy policy = BackpressurePolicy.LAG;
        private int lagSpool = 4;
        private int ringSize = 256;
        private int poolCapacity;
        private FrameSink rawSink;
        private ResultSink resultSink;
        private final List<ResultListener> listeners = new ArrayList<>();
        private final List<RunContributor> contributors = new ArrayList<>();
        private Consumer<Progress> progress;
        private long progressIntervalMs = 250;
        private long sideBranchTimeoutMs = 60_000;
        private long stopGraceMs = 30_000;
        private boolean streaming = true;

        private Builder(FrameSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder window(WindowSpec spec) {
            this.window = Objects.requireNonNull(spec);
            return this;
        }

        public Builder operator(WindowOperator op) {
            this.operator = Objects.requireNonNull(op);
            return this;
        }

        public Builder policy(BackpressurePolicy p) {
            this.policy = Objects.requireNonNull(p);
            return this;
        }

        /** Windows that may wait for the analysis under {@code lag} before the producer is slowed (default 4). */
        public Builder lagSpool(int windows) {
            if (windows < 1) {
                throw new IllegalArgumentException("lag spool must be >= 1 window, got " + windows);
            }
            this.lagSpool = windows;
            return this;
        }

        public Builder ringSize(int slots) {
            this.ringSize = slots;
            return this;
        }

        /**
         * Whether the analysis may run frame by frame (default): when every stage before the operator is
         * {@link Streamable} and the operator a {@link StreamingOperator}, frames go to them as they arrive and windows
         * are made from per-frame work; otherwise, or with {@code false}, each stage sees whole windows.
         */
        public Builder streaming(boolean on) {
            this.streaming = on;
            return this;
        }

        /** Frame buffers in the pool; default: enough for the window, the spool and the ring, within a quarter of the heap. */
        public Builder poolCapacity(int frames) {
            this.poolCapacity = frames;
            return this;
        }

        /** The raw branch's sink; without one, frames go straight to the windows (no raw.frames counter). */
        public Builder rawSink(FrameSink sink) {
            this.rawSink = Objects.requireNonNull(sink);
            return this;
        }

        public Builder resultSink(ResultSink sink) {
            this.resultSink = Objects.requireNonNull(sink);
            return this;
        }

        public Builder listener(ResultListener l) {
            listeners.add(Objects.requireNonNull(l));
            return this;
        }

        /** Something else that reports in run.json and on the progress line (e.g. the source). */
        public Builder contributor(RunContributor c) {
            contributors.add(Objects.requireNonNull(c));
            return this;
        }

        public Builder progress(Consumer<Progress> sink, long intervalMs) {
            this.progress = sink;
            this.progressIntervalMs = Math.max(10, intervalMs);
            return this;
        }

        public Builder sideBranchTimeoutMs(long ms) {
            this.sideBranchTimeoutMs = ms;
            return this;
        }

        /**
         * How long the source has to end once it was asked to stop because the analysis failed or was abandoned
         * (default 30 s); after that the raw file is committed with the frames written so far.
         */
        public Builder stopGraceMs(long ms) {
            if (ms < 1) {
                throw new IllegalArgumentException("stop grace must be >= 1 ms, got " + ms);
            }
            this.stopGraceMs = ms;
            return this;
        }

        public LivePipeline build() {
            Objects.requireNonNull(resultSink, "resultSink");
            Objects.requireNonNull(operator, "operator");
            return new LivePipeline(this);
        }
    }
}
