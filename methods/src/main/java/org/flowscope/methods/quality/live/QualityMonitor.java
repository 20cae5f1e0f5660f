package org.flowscope.methods.quality.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcConvention;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live quality side branch: on every {@code every}-th window, the FRC between the means of the window's even and
 * odd frames and the decorrelation resolution of the window's reconstruction, computed on a thread of its own through
 * {@link QualityMetrics} (the run's engine: GPU or CPU implementations).
 *
 * <p><b>What is measured.</b> [decision] The FRC compares the temporal means of the even and the odd frames of the
 * (drift-corrected, when drift runs) raw window: two independent halves of the same data, costing one pass over the
 * window. It reports the resolution the raw data support. The reconstruction's own resolution comes from the
 * decorrelation analysis, which needs a single image.
 *
 * <p><b>Never slows the main path.</b> The split stage ({@link #splitStage()}) does its one pass only on sampled
 * windows and only when the side thread is idle; the result listener ({@link #branch()}) only copies the sampled
 * reconstruction and hands it over. A sample arriving while the previous one is still being computed is dropped and
 * counted; nothing queues up.
 *
 * <p><b>Never fails silently.</b> Every sampled window ends as exactly one of computed, dropped, failed or cancelled:
 * any {@link Throwable} of a sample (an {@link OutOfMemoryError} included) makes it failed, with the exception in
 * {@code run.json}, and {@link #failure()} tells the command to end with a non-zero exit. A sample still running when
 * the run ends gets {@code finishTimeoutMs} to finish; then its thread is interrupted (the analyses stop at their
 * next check) and the sample is counted as cancelled, whatever it does afterwards.
 */
public final class QualityMonitor implements AutoCloseable, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(QualityMonitor.class);
    private static final int MAX_SERIES = 10_000;
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int CANCELLED = 2;

    private final int every;
    private final int inputWidth;
    private final OptionalDouble inputPixelSizeNm;
    private final QualityMetrics metrics;
    private final long finishTimeoutMs;
    private final ExecutorService executor;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<Long, Optional<FrcInput>> pending = new ConcurrentHashMap<>();
    private final AtomicReference<InFlight> inFlight = new AtomicReference<>();
    final AtomicLong sampled = new AtomicLong();
    final AtomicLong computed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final AtomicReference<QualitySample> latest = new AtomicReference<>();
    final List<QualitySample> series = new ArrayList<>();
    /** The FRC curves of the first and the latest computed sample (for the run report). */
    final AtomicReference<QualitySection.FrcCurve> firstCurve = new AtomicReference<>();
    final AtomicReference<QualitySection.FrcCurve> latestCurve = new AtomicReference<>();

    private record InFlight(long window, long startNanos, AtomicInteger state) {
    }

    /**
     * @param every            analyse windows 0, every, 2&middot;every, ... (&ge; 1)
     * @param inputWidth       width of the source frames, to derive the reconstruction's magnification
     * @param inputPixelSizeNm source pixel size, when known
     * @param metrics          how FRC and decorrelation are computed
     * @param finishTimeoutMs  how long a sample still running at the end of the run may take before it is cancelled
     */
    public QualityMonitor(int every, int inputWidth, OptionalDouble inputPixelSizeNm, QualityMetrics metrics,
            long finishTimeoutMs) {
        if (every < 1) {
            throw new IllegalArgumentException("--every must be >= 1, got " + every);
        }
        if (inputWidth < 1) {
            throw new IllegalArgumentException("input width must be >= 1, got " + inputWidth);
        }
        if (finishTimeoutMs < 0) {
            throw new IllegalArgumentException("the quality finish timeout must be >= 0 ms, got " + finishTimeoutMs);
        }
        this.every = every;
        this.inputWidth = inputWidth;
        this.inputPixelSizeNm = inputPixelSizeNm;
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        this.finishTimeoutMs = finishTimeoutMs;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowscope-quality");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** With the plain-Java reference metrics and a 30 s finish timeout (tests, tools without an engine). */
    public QualityMonitor(int every, int inputWidth, OptionalDouble inputPixelSizeNm) {
        this(every, inputWidth, inputPixelSizeNm, QualityMetrics.reference(), 30_000);
    }

    /** The pass-through stage that takes the even/odd means of sampled windows. */
    public QualitySplitStage splitStage() {
        return new QualitySplitStage(this);
    }

    /** The result listener that triggers the analysis of sampled reconstructions. */
    public QualityBranch branch() {
        return new QualityBranch(this);
    }

    boolean isSample(long window) {
        return window % every == 0;
    }

    /**
     * Called by the split stage for every window, on the analysis thread. A sampled window is counted here; when the
     * side thread is still busy it is dropped at once, so the analysis thread never does work for a lost sample.
     */
    void onWindow(long window, ImageStack windowFrames) {
        if (!isSample(window)) {
            return;
        }
        sampled.incrementAndGet();
        if (busy.get()) {
            dropped.incrementAndGet();
            return;
        }
        try {
            boolean pairable = windowFrames.frames() >= 2 && windowFrames.height() >= Frc.MIN_SIDE
                    && windowFrames.width() >= Frc.MIN_SIDE;
            pending.put(window, pairable ? Optional.of(FrcInput.oddEven(windowFrames)) : Optional.empty());
        } catch (Throwable t) {
            record(QualitySample.failed(window, 0, t), t);
        }
    }

    /**
     * As {@link #onWindow}, for a window whose even- and odd-frame means were accumulated as its frames arrived
     * (streaming analysis); {@code pair} is empty when no pair could be formed.
     */
    void onWindowPair(long window, Optional<FrcInput> pair) {
        if (!isSample(window)) {
            return;
        }
        sampled.incrementAndGet();
        if (busy.get()) {
            dropped.incrementAndGet();
            return;
        }
        pending.put(window, pair.filter(p -> p.first().height() >= Frc.MIN_SIDE && p.first().width() >= Frc.MIN_SIDE));
    }

    /**
     * Called by the result listener on the pipeline's side thread. Sampled windows whose results never arrive (the
     * pipeline's latest-wins hand-over replaced them) are counted as dropped when a later result shows up.
     */
    void onResult(long window, ImageStack result) {
        Optional<FrcInput> pair = pending.remove(window);
        dropOlderThan(window);
        if (pair == null) {
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            dropped.incrementAndGet();
            return;
        }
        try {
            ImageStack copy = new ImageStack(result.frames(), result.height(), result.width(), result.data().clone());
            FrcInput frcPair = pair.orElse(null);
            InFlight task = new InFlight(window, System.nanoTime(), new AtomicInteger(RUNNING));
            inFlight.set(task);
            executor.execute(() -> run(task, frcPair, copy));
        } catch (Throwable t) {
            busy.set(false);
            record(QualitySample.failed(window, 0, t), t);
        }
    }

    private void dropOlderThan(long window) {
        for (Long k : pending.keySet()) {
            if (k < window && pending.remove(k) != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void run(InFlight task, FrcInput pair, ImageStack result) {
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        Throwable error = null;
        try {
            analyse(task.window(), pair, result, v);
        } catch (Throwable t) {
            error = t;
        }
        double ms = (System.nanoTime() - task.startNanos()) / 1e6;
        // only the first of finish() and this thread decides the sample's fate
        if (task.state().compareAndSet(RUNNING, DONE)) {
            if (error == null) {
                record(new QualitySample(task.window(), v[0], v[1], v[2], v[3], ms, QualitySample.Outcome.COMPUTED, null),
                        null);
            } else {
                record(new QualitySample(task.window(), v[0], v[1], v[2], v[3], ms, QualitySample.Outcome.FAILED,
                        QualitySample.describe(error)), error);
            }
            busy.set(false);
        }
        inFlight.compareAndSet(task, null);
    }

    private void analyse(long window, FrcInput pair, ImageStack result, double[] v) {
        if (pair != null) {
            FrcResult frc = metrics.frc(new FrcParams(inputPixelSizeNm.orElse(Double.NaN), FrcConvention.STANDARD), pair);
            v[0] = frc.resolutionPx();
            v[1] = frc.resolutionNm();
            QualitySection.FrcCurve curve = QualityReport.curve(window, frc);
            firstCurve.compareAndSet(null, curve);
            latestCurve.set(curve);
        }
        ImageStack image = result.frames() == 1 ? result : result.frame(result.frames() - 1);
        if (image.height() >= Decorr.MIN_SIDE && image.width() >= Decorr.MIN_SIDE) {
            double pixel = inputPixelSizeNm.isPresent() ? inputPixelSizeNm.getAsDouble() * inputWidth / image.width() : Double.NaN;
            DecorrResult d = metrics.decorr(DecorrParams.defaults().withPixelSize(pixel), image);
            v[2] = d.resolutionPx();
            v[3] = d.resolutionNm();
        }
    }

    private void record(QualitySample s, Throwable error) {
        switch (s.outcome()) {
            case COMPUTED -> {
                computed.incrementAndGet();
                latest.set(s);
            }
            case FAILED -> {
                failed.incrementAndGet();
                firstError.compareAndSet(null, "window " + s.window() + ": " + s.detail());
                LOG.warn("quality sample of window {} failed: {}", s.window(), s.detail());
                LOG.debug("quality sample of window {} failed", s.window(), error);
            }
            case CANCELLED -> cancelled.incrementAndGet();
        }
        synchronized (series) {
            if (series.size() < MAX_SERIES) {
                series.add(s);
            }
        }
    }

    /** The most recent computed sample, or null. */
    public QualitySample latest() {
        return latest.get();
    }

    /** Windows sampled so far; after {@link #finish} equal to computed + dropped + failed + cancelled. */
    public long sampled() {
        return sampled.get();
    }

    /** Samples dropped because the previous one was still being computed (or their result never arrived). */
    public long dropped() {
        return dropped.get();
    }

    /** Samples fully computed. */
    public long computed() {
        return computed.get();
    }

    /** Samples that failed (any exception or error, out of memory included). */
    public long failed() {
        return failed.get();
    }

    /** Samples still running when the run ended and cancelled after the finish timeout. */
    public long cancelled() {
        return cancelled.get();
    }

    /** A one-line account of the failed samples, or empty when none failed. */
    public Optional<String> failure() {
        long f = failed.get();
        if (f == 0) {
            return Optional.empty();
        }
        return Optional.of("quality side branch: " + f + " of " + sampled.get() + " sampled window(s) failed (first: "
                + firstError.get() + "); see the quality section of run.json");
    }

    /** A one-line account of cancelled samples, or empty when none was cancelled. */
    public Optional<String> cancellation() {
        long c = cancelled.get();
        return c == 0 ? Optional.empty() : Optional.of("quality side branch: " + c + " sample(s) still running at the end"
                + " of the run were cancelled after " + finishTimeoutMs + " ms");
    }

    Map<String, String> progressFields() {
        return QualityReport.progressFields(this);
    }

    Map<String, Double> progressValues() {
        return QualityReport.progressValues(this);
    }

    QualitySection report() {
        return QualityReport.runJson(this, every);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        QualityReport.bind(this, registry);
    }

    /** Waits until no sample is being computed (at most {@code timeoutMs}); for tests and orderly shutdown. */
    void awaitIdle(long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (busy.get() && System.nanoTime() < end) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Ends the branch: unanswered samples count as dropped, the sample in progress gets the finish timeout, then it is
     * interrupted and counted as cancelled. The counts are final when this returns.
     */
    public void finish() {
        dropOlderThan(Long.MAX_VALUE);
        executor.shutdown();
        boolean done;
        try {
            done = executor.awaitTermination(finishTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            InFlight task = inFlight.get();
            // claim the sample before interrupting it, so its own error path cannot record it as failed
            boolean claimed = task != null && task.state().compareAndSet(RUNNING, CANCELLED);
            executor.shutdownNow();
            if (claimed) {
                double ms = (System.nanoTime() - task.startNanos()) / 1e6;
                record(new QualitySample(task.window(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, ms,
                        QualitySample.Outcome.CANCELLED, "still running " + finishTimeoutMs + " ms after the run ended"), null);
                LOG.warn("quality sample of window {} cancelled: still running {} ms after the run ended", task.window(),
                        finishTimeoutMs);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
