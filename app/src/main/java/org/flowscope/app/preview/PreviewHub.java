package org.flowscope.app.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.app.image.GrayImage;
import org.flowscope.app.live.status.LiveSnapshot;

/**
 * The preview's state, latest wins everywhere: the pipeline and the source offer images (a copy, no waiting), an
 * encoder thread of its own turns the latest ones into PNGs while a browser watches, the progress thread publishes
 * snapshots ({@link #publish}, no encoding there, so the status line never waits for a PNG), and each browser's
 * connection waits for the next event ({@link #await}) at its own pace: a slow browser skips events (counted) and never
 * holds anything up.
 */
public final class PreviewHub {
    /** Most points kept per plot series; beyond it every other point is dropped (the plot keeps its shape). */
    static final int MAX_POINTS = 2000;

    private final ImageSlot sr = new ImageSlot("sr");
    private final ImageSlot raw = new ImageSlot("raw");
    private final List<double[]> drift = new ArrayList<>();
    private final List<double[]> quality = new ArrayList<>();
    private final List<double[]> rate = new ArrayList<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsSuperseded = new AtomicLong();
    private double lastDriftWindow = Double.NaN;
    private double lastQualityWindow = Double.NaN;
    private String driftUnit = "px";
    private String qualityUnit = "px";
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flowscope-preview-png");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean encoding = new AtomicBoolean();
    private long version;
    private PreviewEvent latest;
    private boolean closed;

    /** A reconstruction (the caller's copy). */
    public void offerResult(GrayImage image, long window) {
        sr.offer(image, "window " + window, watched());
        encodeSoon();
    }

    /** A raw frame (the caller's copy). */
    public void offerRaw(GrayImage image, long frame) {
        raw.offer(image, "frame " + frame, watched());
        encodeSoon();
    }

    /** Encodes the latest images on the encoder thread when a browser watches; offers meanwhile supersede them. */
    private void encodeSoon() {
        if (watched() && encoding.compareAndSet(false, true)) {
            try {
                encoder.execute(() -> {
                    try {
                        sr.encodeLatest();
                        raw.encodeLatest();
                    } finally {
                        encoding.set(false);
                    }
                    if (watched() && (sr.stale() || raw.stale())) {
                        encodeSoon();
                    }
                });
            } catch (RejectedExecutionException closing) {
                encoding.set(false);
            }
        }
    }

    private boolean watched() {
        return clients.get() > 0;
    }

    /**
     * Makes the next event from {@code s}: adds plot points, takes the latest encoded images, and wakes the
     * connections.
     */
    public void publish(LiveSnapshot s) {
        boolean last = s.phase() == LiveSnapshot.Phase.DONE;
        // the last event carries the last images, whoever watches; until then the encoder thread keeps up
        PreviewEvent.ImageInfo srInfo = last ? sr.encodeLatest() : sr.info();
        PreviewEvent.ImageInfo rawInfo = last ? raw.encodeLatest() : raw.info();
        synchronized (this) {
            addPoints(s);
            version++;
            latest = new PreviewEvent(version, s, banner(s), srInfo, rawInfo, List.copyOf(drift), driftUnit,
                    List.copyOf(quality), qualityUnit, List.copyOf(rate), counts());
            notifyAll();
        }
    }

    private void addPoints(LiveSnapshot s) {
        Map<String, Double> v = s.values();
        Double dw = v.get("drift.window");
        if (dw != null && !dw.equals(lastDriftWindow)) {
            lastDriftWindow = dw;
            boolean nm = v.containsKey("drift.dx_nm");
            driftUnit = nm ? "nm" : "px";
            add(drift, new double[] {s.elapsedS(), v.get(nm ? "drift.dx_nm" : "drift.dx_px"), v.get(nm ? "drift.dy_nm" : "drift.dy_px")});
        }
        Double qw = v.get("quality.window");
        if (qw != null && !qw.equals(lastQualityWindow)) {
            lastQualityWindow = qw;
            boolean nm = Double.isFinite(v.getOrDefault("quality.frc_nm", Double.NaN))
                    || Double.isFinite(v.getOrDefault("quality.decorr_nm", Double.NaN));
            qualityUnit = nm ? "nm" : "px";
            add(quality, new double[] {s.elapsedS(), v.getOrDefault(nm ? "quality.frc_nm" : "quality.frc_px", Double.NaN),
                    v.getOrDefault(nm ? "quality.decorr_nm" : "quality.decorr_px", Double.NaN)});
        }
        if (s.phase() != LiveSnapshot.Phase.DONE) {
            add(rate, new double[] {s.elapsedS(), s.framesPerSecond(), s.latencyMs()});
        }
    }

    private static void add(List<double[]> series, double[] point) {
        series.add(point);
        if (series.size() > MAX_POINTS) {
            // keep every other point, and the newest
            List<double[]> kept = new ArrayList<>(MAX_POINTS / 2 + 2);
            for (int i = 0; i < series.size(); i += 2) {
                kept.add(series.get(i));
            }
            if ((series.size() - 1) % 2 != 0) {
                kept.add(series.get(series.size() - 1));
            }
            series.clear();
            series.addAll(kept);
        }
    }

    /** "12 frames lost by the camera, 3 windows skipped" when anything was lost, else null. */
    static String banner(LiveSnapshot s) {
        if (!s.losing()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (s.cameraLost() > 0) {
            parts.add(s.cameraLost() + " frame(s) lost by the camera");
        }
        if (s.windowsSkipped() > 0) {
            parts.add(s.windowsSkipped() + " window(s) skipped (--policy skip: the analysis could not keep up)");
        }
        return String.join(", ", parts);
    }

    /**
     * Waits until an event newer than {@code seen} exists, at most {@code timeoutMs}; returns it (the latest: events in
     * between are superseded), or null on time-out or when the hub is closed and the caller has the last event.
     */
    public PreviewEvent await(long seen, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (this) {
            while ((latest == null || latest.version() <= seen) && !closed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                wait(Math.max(1, left / 1_000_000L));
            }
            if (latest == null || latest.version() <= seen) {
                return null;
            }
            return latest;
        }
    }

    /** Counts an event written to a browser that last had {@code previous} (0 = none). */
    void sent(long previous, long version) {
        eventsSent.incrementAndGet();
        if (previous > 0 && version > previous + 1) {
            eventsSuperseded.addAndGet(version - previous - 1);
        }
    }

    void connected() {
        clients.incrementAndGet();
        encodeSoon();
    }

    void disconnected() {
        clients.decrementAndGet();
    }

    /** The latest PNG of "sr" or "raw", or null. */
    byte[] png(String which) {
        return switch (which) {
            case "sr" -> sr.png();
            case "raw" -> raw.png();
            default -> null;
        };
    }

    /** The latest event, or null before the first. */
    public synchronized PreviewEvent latest() {
        return latest;
    }

    /** Wakes every connection for the last time: they send what is new, then end. */
    public synchronized void close() {
        closed = true;
        encoder.shutdownNow();
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    /** What the preview sent and dropped. */
    public PreviewEvent.Counts counts() {
        return new PreviewEvent.Counts(clients.get(), eventsSent.get(), eventsSuperseded.get(),
                sr.encodings() + raw.encodings(), sr.superseded() + raw.superseded());
    }
}
