package org.flowscope.methods.quality.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrCpu;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcCpu;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live quality side branch: on every {@code every}-th window, the FRC between the means of the window's even and
 * odd frames and the decorrelation resolution of the window's reconstruction, computed on a single thread of its own.
 *
 * <p><b>What is measured.</b> [decision] The FRC compares the temporal means of the even and the odd frames of the
 * (drift-corrected, when drift runs) raw window: two independent halves of the same data, costing one pass over the
 * window. It reports the resolution the raw data support. FRC of two half-window reconstructions would measure the
 * reconstruction itself, but costs a full extra reconstruction per sample and needs a second, independent instance of
 * the live operator (drift state, device buffers), which the live extension point does not hand out; the
 * reconstruction's own resolution comes from the decorrelation analysis, which needs a single image.
 *
 * <p><b>Never slows the main path.</b> The split stage ({@link #splitStage()}) does its one pass only on sampled
 * windows and only when the side thread is idle; the result listener ({@link #branch()}) only copies the sampled
 * reconstruction and hands it over. A sample arriving while the previous one is still being computed is dropped and
 * counted ({@code samplesDropped}); nothing queues up. Both metrics run with their sequential reference
 * implementations so the side branch takes one core at most.
 */
public final class QualityMonitor implements AutoCloseable, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(QualityMonitor.class);
    private static final int MAX_SERIES = 10_000;

    private final int every;
    private final int inputWidth;
    private final OptionalDouble inputPixelSizeNm;
    private final ExecutorService executor;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<Long, Optional<FrcInput>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sampled = new AtomicLong();
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicReference<QualitySample> latest = new AtomicReference<>();
    private final List<QualitySample> series = new ArrayList<>();

    /**
     * @param every            analyse windows 0, every, 2&middot;every, ... (&ge; 1)
     * @param inputWidth       width of the source frames, to derive the reconstruction's magnification
     * @param inputPixelSizeNm source pixel size, when known
     */
    public QualityMonitor(int every, int inputWidth, OptionalDouble inputPixelSizeNm) {
        if (every < 1) {
            throw new IllegalArgumentException("--every must be >= 1, got " + every);
        }
        if (inputWidth < 1) {
            throw new IllegalArgumentException("input width must be >= 1, got " + inputWidth);
        }
        this.every = every;
        this.inputWidth = inputWidth;
        this.inputPixelSizeNm = inputPixelSizeNm;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowscope-quality");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
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

    /** Marks that no pair could be taken (window too small or single-frame) but the sample goes on with decorr. */
    private static final FrcInput NO_PAIR = null;

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
        boolean pairable = windowFrames.frames() >= 2 && windowFrames.height() >= Frc.MIN_SIDE
                && windowFrames.width() >= Frc.MIN_SIDE;
        pending.put(window, pairable ? Optional.of(FrcInput.oddEven(windowFrames)) : Optional.empty());
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
        ImageStack copy = new ImageStack(result.frames(), result.height(), result.width(), result.data().clone());
        FrcInput frcPair = pair.orElse(NO_PAIR);
        executor.execute(() -> {
            try {
                analyse(window, frcPair, copy);
            } finally {
                busy.set(false);
            }
        });
    }

    private void dropOlderThan(long window) {
        for (Long k : pending.keySet()) {
            if (k < window && pending.remove(k) != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void analyse(long window, FrcInput pair, ImageStack result) {
        long t0 = System.nanoTime();
        double frcPx = Double.NaN;
        double frcNm = Double.NaN;
        double decorrPx = Double.NaN;
        double decorrNm = Double.NaN;
        try {
            if (pair != null) {
                FrcResult frc = FrcCpu.compute(new FrcParams(inputPixelSizeNm.orElse(Double.NaN),
                        org.flowscope.methods.frc.FrcConvention.STANDARD), pair);
                frcPx = frc.resolutionPx();
                frcNm = frc.resolutionNm();
            }
            ImageStack image = result.frames() == 1 ? result : result.frame(result.frames() - 1);
            if (image.height() >= Decorr.MIN_SIDE && image.width() >= Decorr.MIN_SIDE) {
                double pixel = inputPixelSizeNm.isPresent()
                        ? inputPixelSizeNm.getAsDouble() * inputWidth / image.width() : Double.NaN;
                DecorrResult d = DecorrCpu.compute(DecorrParams.defaults().withPixelSize(pixel), image);
                decorrPx = d.resolutionPx();
                decorrNm = d.resolutionNm();
            }
            computed.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
            LOG.warn("quality sample of window {} failed", window, e);
        }
        QualitySample s = new QualitySample(window, frcPx, frcNm, decorrPx, decorrNm, (System.nanoTime() - t0) / 1e6);
        latest.set(s);
        synchronized (series) {
            if (series.size() < MAX_SERIES) {
                series.add(s);
            }
        }
    }

    /** The most recent sample, or null. */
    public QualitySample latest() {
        return latest.get();
    }

    /** Windows sampled so far; after {@link #finish} equal to computed + dropped + failed. */
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

    /** Progress-line fields: latest FRC and decorrelation resolution (nm when known) and the drop count. */
    Map<String, String> progressFields() {
        Map<String, String> m = new LinkedHashMap<>();
        QualitySample s = latest.get();
        if (s != null) {
            m.put("frc", format(s.frcNm(), s.frcPx()));
            m.put("decorr", format(s.decorrNm(), s.decorrPx()));
        }
        m.put("q-drops", Long.toString(dropped.get()));
        return m;
    }

    private static String format(double nm, double px) {
        if (Double.isFinite(nm)) {
            return String.format("%.0f nm", nm);
        }
        return Double.isFinite(px) ? String.format("%.2f px", px) : "n/a";
    }

    /** The run.json section. */
    Map<String, Object> report() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("every", every);
        m.put("frcMethod", "even vs odd frame means of the window, standard frequency axis, threshold 1/7");
        m.put("decorrMethod", "decorrelation analysis of the reconstruction (Descloux 2019), n_r 50, n_g 10");
        m.put("samplesSeen", sampled.get());
        m.put("samplesComputed", computed.get());
        m.put("samplesDropped", dropped.get());
        m.put("samplesFailed", failed.get());
        if (firstError.get() != null) {
            m.put("firstError", firstError.get());
        }
        QualitySample s = latest.get();
        if (s != null) {
            m.put("latest", toMap(s));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        synchronized (series) {
            for (QualitySample q : series) {
                rows.add(toMap(q));
            }
        }
        m.put("series", rows);
        return m;
    }

    private static Map<String, Object> toMap(QualitySample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", s.window());
        m.put("frcPx", finiteOrNull(s.frcPx()));
        m.put("frcNm", finiteOrNull(s.frcNm()));
        m.put("decorrPx", finiteOrNull(s.decorrPx()));
        m.put("decorrNm", finiteOrNull(s.decorrNm()));
        m.put("elapsedMs", s.elapsedMs());
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Publishes the latest values and the sample counts as Micrometer gauges ({@code flowscope.quality.*}, resolution
     * gauges NaN until a value exists), for whoever runs a meter registry.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("flowscope.quality.frc.resolution", this, m -> value(m.latest(), true, true))
                .baseUnit("nanometers").description("FRC resolution of the even/odd frame means").register(registry);
        Gauge.builder("flowscope.quality.frc.resolution.px", this, m -> value(m.latest(), true, false))
                .baseUnit("pixels").register(registry);
        Gauge.builder("flowscope.quality.decorr.resolution", this, m -> value(m.latest(), false, true))
                .baseUnit("nanometers").description("decorrelation resolution of the reconstruction").register(registry);
        Gauge.builder("flowscope.quality.decorr.resolution.px", this, m -> value(m.latest(), false, false))
                .baseUnit("pixels").register(registry);
        Gauge.builder("flowscope.quality.samples.computed", computed, AtomicLong::get).register(registry);
        Gauge.builder("flowscope.quality.samples.dropped", dropped, AtomicLong::get).register(registry);
        Gauge.builder("flowscope.quality.samples.failed", failed, AtomicLong::get).register(registry);
    }

    private static double value(QualitySample s, boolean frc, boolean nm) {
        if (s == null) {
            return Double.NaN;
        }
        if (frc) {
            return nm ? s.frcNm() : s.frcPx();
        }
        return nm ? s.decorrNm() : s.decorrPx();
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

    /** Waits up to {@code timeoutMs} for the sample in progress, then stops the thread; unanswered samples count as dropped. */
    public void finish(long timeoutMs) {
        dropOlderThan(Long.MAX_VALUE);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                firstError.compareAndSet(null, "sample in progress did not finish within " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
