package org.flowscope.adapters.mm;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a Micro-Manager camera through MMCore's sequence acquisition.
 *
 * <p>The camera is configured once, in {@link #open}, while nothing is acquiring: properties, binning, exposure,
 * ROI and circular-buffer size are never touched afterwards, because MMCore does not guard buffer or frame-size
 * changes during an acquisition (micromanager.md §6, pitfall 4).
 *
 * <p>A finite run ({@code frames} given) uses {@code startSequenceAcquisition(n, 0, stopOnOverflow=true)}, the
 * only mode in which MMCore reports an overflow; an open-ended run uses continuous acquisition, which silently
 * clears the whole buffer when it fills. {@link #run} drains the buffer on the calling (dedicated producer)
 * thread; when the consumer blocks (the raw path slows down), frames wait in MMCore's buffer, and a monitor
 * thread keeps watching the buffer so that an overflow or a clear is counted while it happens, not when the
 * drain catches up. Lost frames are detected as described in {@link LossTracker} and available from
 * {@link #loss()} at any time; frame sequence numbers skip the lost frames, and the frames lost after the last
 * delivered one are reported by {@link #framesLostAfterLastFrame()}, so downstream counting agrees.
 *
 * <p>8- and 16-bit pixels are handed over as {@link PixelData.U8} and {@link PixelData.U16} (unsigned).
 */
public final class MmCoreSource implements FrameSource, RunContributor {
    private static final Logger LOG = LoggerFactory.getLogger(MmCoreSource.class);
    private static final long IDLE_PARK_NS = 200_000;
    /** How often the monitor looks at the buffer while the drain thread may be blocked in the consumer. */
    private static final long MONITOR_PERIOD_MS = 20;

    private final CoreSession session;
    private final LossTracker tracker = new LossTracker(0);
    private final String camera;
    private final String coreVersion;
    private final SourceFormat format;
    private final OptionalLong frames;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch runFinished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile boolean running;

    private MmCoreSource(MmCorePort core, String camera, SourceFormat format, OptionalLong frames) {
        this.session = new CoreSession(core, camera, tracker);
        this.camera = camera;
        this.coreVersion = core.versionInfo();
        this.format = format;
        this.frames = frames;
    }

    /**
     * Loads and configures the camera described by {@code spec}; on failure the core is closed.
     *
     * @param frames number of frames for a finite run, empty for an open-ended one
     * @throws IllegalArgumentException for a bad spec, a missing configuration file or an unsupported pixel format
     * @throws MmCoreException          when MMCore refuses a call
     */
    public static MmCoreSource open(MmCorePort core, MmSourceSpec spec, OptionalLong frames) {
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(frames, "frames");
        if (frames.isPresent() && (frames.getAsLong() < 1 || frames.getAsLong() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("frames must be in [1, " + Integer.MAX_VALUE + "], got " + frames.getAsLong());
        }
        try {
            String camera = configure(core, spec);
            return new MmCoreSource(core, camera, readFormat(core, camera, spec, frames), frames);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private static String configure(MmCorePort core, MmSourceSpec spec) {
        String camera;
        if (spec.configFile().isPresent()) {
            var file = spec.configFile().get();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("mm: configuration file not found: " + file.toAbsolutePath());
            }
            CoreSession.call("loadSystemConfiguration(" + file + ")", () -> core.loadSystemConfiguration(file));
            camera = core.cameraDevice();
            if (camera == null || camera.isBlank()) {
                throw new IllegalArgumentException("mm: configuration " + file + " sets no camera (Core-Camera is empty)");
            }
        } else {
            String module = spec.module().orElseThrow();
            String device = spec.device().orElseThrow();
            camera = spec.label();
            CoreSession.call("loadDevice(" + camera + ", " + module + ", " + device + ")",
                    () -> core.loadAndInitializeDevice(camera, module, device));
            CoreSession.call("setCameraDevice(" + camera + ")", () -> core.setCameraDevice(camera));
        }
        for (Map.Entry<String, String> p : spec.properties().entrySet()) {
            CoreSession.call("setProperty(" + camera + ", " + p.getKey() + ", " + p.getValue() + ")",
                    () -> core.setProperty(camera, p.getKey(), p.getValue()));
        }
        spec.binning().ifPresent(b -> CoreSession.call("setProperty(" + camera + ", Binning, " + b + ")",
                () -> core.setProperty(camera, "Binning", Integer.toString(b))));
        spec.exposureMs().ifPresent(ms -> CoreSession.call("setExposure(" + ms + ")", () -> core.setExposure(ms)));
        spec.roi().ifPresent(r -> CoreSession.call("setROI(" + r.x() + ", " + r.y() + ", " + r.width() + ", " + r.height() + ")",
                () -> core.setRoi(r.x(), r.y(), r.width(), r.height())));
        // After ROI and binning: MMCore sizes the buffer for the frame size current at this call.
        spec.bufferMb().ifPresent(mb -> CoreSession.call("setCircularBufferMemoryFootprint(" + mb + ")",
                () -> core.setCircularBufferMemoryFootprint(mb)));
        return camera;
    }

    private static SourceFormat readFormat(MmCorePort core, String camera, MmSourceSpec spec, OptionalLong frames) {
        int bytes = core.bytesPerPixel();
        int components = core.numberOfComponents();
        if (components != 1 || (bytes != 1 && bytes != 2)) {
            throw new IllegalArgumentException("mm: camera " + camera + " delivers " + bytes + " bytes per pixel with "
                    + components + " components; flowscope takes 8- or 16-bit grey frames (set PixelType=8bit or 16bit)");
        }
        double umPerPixel = core.pixelSizeUm();
        OptionalDouble rate = spec.exposureMs().isPresent() && spec.exposureMs().getAsDouble() > 0
                ? OptionalDouble.of(1000.0 / spec.exposureMs().getAsDouble()) : OptionalDouble.empty();
        return new SourceFormat(core.imageWidth(), core.imageHeight(), bytes == 1 ? PixelType.U8 : PixelType.U16,
                frames, rate, umPerPixel > 0 ? OptionalDouble.of(umPerPixel * 1000.0) : OptionalDouble.empty());
    }

    /** The camera's label in MMCore. */
    public String camera() {
        return camera;
    }

    /** MMCore's version text, e.g. "MMCore version 12.5.0". */
    public String coreVersion() {
        return coreVersion;
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    /** What was delivered and lost so far; safe from any thread. */
    public MmLoss loss() {
        return tracker.snapshot();
    }

    /** True for a finite (stop-on-overflow) run. */
    public boolean finite() {
        return frames.isPresent();
    }

    /**
     * Why the run must count as failed: a finite run that lost frames, unless loss is allowed. Open-ended runs
     * report their loss but never fail for it (a live view that falls behind is not a failed acquisition).
     */
    public Optional<String> lossFailure(boolean allowLoss) {
        MmLoss result = loss();
        if (!finite() || allowLoss || !result.any()) {
            return Optional.empty();
        }
        String why = result.overflowed()
                ? "; MMCore's circular buffer (" + tracker.capacity() + " frames) filled and the camera stopped, because "
                        + "flowscope fell behind the camera: give MMCore a larger buffer (buffer=MB), lower the frame rate "
                        + "or use a lighter --op"
                : "";
        return Optional.of("the camera lost frames: " + result.summary() + ", " + result.delivered() + " of "
                + frames.getAsLong() + " delivered" + why + "; pass --allow-loss to accept a lossy run");
    }

    @Override
    public long framesLostAfterLastFrame() {
        return tracker.lostAfterLastFrame();
    }

    @Override
    public String section() {
        return "mm";
    }

    /**
     * The {@code mm} section of run.json: the camera, the acquisition mode and what was delivered and lost.
     *
     * @param camera                    MMCore's camera device
     * @param core                      MMCore's version
     * @param mode                      "sequence, stop on overflow" (finite) or "continuous"
     * @param requestedFrames           frames asked for; null when continuous
     * @param bufferCapacityFrames      frames MMCore's circular buffer holds
     * @param delivered                 frames delivered
     * @param lostFrames                frames lost (a lower bound unless {@code lossExact})
     * @param lossExact                 whether {@code lostFrames} is exact
     * @param imageNumberGaps           gaps in the camera's image numbers
     * @param bufferResets              times the buffer was cleared under us
     * @param clearedBetweenCountAndPop pops that found the buffer emptied after it counted images
     * @param outOfOrder                frames that arrived out of order
     * @param overflowed                whether a finite sequence stopped on a full buffer
     */
    public record Section(String camera, String core, String mode, Long requestedFrames, int bufferCapacityFrames,
                          long delivered, long lostFrames, boolean lossExact, long imageNumberGaps, long bufferResets,
                          long clearedBetweenCountAndPop, long outOfOrder, boolean overflowed) {
    }

    @Override
    public Section runJsonSection() {
        MmLoss l = loss();
        return new Section(camera, coreVersion, finite() ? "sequence, stop on overflow" : "continuous",
                finite() ? frames.getAsLong() : null, tracker.capacity(), l.delivered(), l.lostFrames(), l.exact(),
                l.gaps(), l.bufferResets(), session.emptyPops(), l.outOfOrder(), l.overflowed());
    }

    /**
     * {@code mm lost}: frames lost so far ({@code >=} when a lower bound), resets, and "overflow" once the camera
     * stopped on a full buffer; {@code mm buffer}: frames waiting in MMCore's buffer / its capacity.
     */
    @Override
    public Map<String, String> progressFields() {
        MmLoss l = loss();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mm lost", (l.exact() ? "" : ">=") + l.lostFrames()
                + (l.bufferResets() > 0 ? " (" + l.bufferResets() + " resets)" : "") + (l.overflowed() ? " overflow" : ""));
        if (running) {
            fields.put("mm buffer", session.fill() + "/" + tracker.capacity());
        }
        return fields;
    }

    @Override
    public void run(FrameConsumer consumer) throws Exception {
        Objects.requireNonNull(consumer, "consumer");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an MmCoreSource runs once");
        }
        if (closed.get()) {
            throw new IllegalStateException("the MmCoreSource is closed");
        }
        Long requested = frames.isPresent() ? frames.getAsLong() : null;
        try {
            int capacity = session.start(requested);
            running = true;
            LOG.info("mm: {} acquiring {} {}x{} {} (buffer {} frames)", camera,
                    requested != null ? requested + " frames (stop on overflow)" : "continuously",
                    format.width(), format.height(), format.pixelType(), capacity);
            Thread monitor = startMonitor(requested);
            try {
                drain(consumer);
            } finally {
                running = false;
                monitor.interrupt();
                monitor.join(1_000);
                session.stopCamera();
            }
            // After a stop request a short finite run is the user's choice, unless the camera had already stopped
            // on overflow: those frames are lost all the same.
            session.overflowed(requested);
            if (requested != null && !stopRequested) {
                tracker.finiteRunEnded(requested);
            }
            MmLoss result = tracker.snapshot();
            if (result.any()) {
                LOG.warn("mm: {} delivered {} frames; {}", camera, result.delivered(), result.summary());
            }
        } finally {
            running = false;
            runFinished.countDown();
        }
    }

    private Thread startMonitor(Long requested) {
        Thread t = new Thread(() -> {
            while (running) {
                session.monitor(requested);
                try {
                    Thread.sleep(MONITOR_PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mm-monitor-" + camera);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void drain(FrameConsumer consumer) throws Exception {
        long nextSequence = 0;
        long startNs = System.nanoTime();
        while (true) {
            if (stopRequested) {
                session.stopCamera();
            }
            CoreSession.Step step = session.next();
            if (step.ended()) {
                return;
            }
            if (step.image() == null) {
                LockSupport.parkNanos(IDLE_PARK_NS);
                continue;
            }
            MmImage image = step.image();
            nextSequence += step.lostBefore();
            PixelData data = MmFrames.pixels(camera, image.pixels(), format.pixelType(), format.width(), format.height());
            long timeNs = MmFrames.elapsedNs(image).orElse(System.nanoTime() - startNs);
            consumer.accept(new FrameMetadata(nextSequence++, timeNs, format.width(), format.height(),
                    format.pixelType(), format.pixelSizeNm(), 0, "mm:" + camera), data);
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    /** Stops the acquisition (waiting up to 5 s for {@link #run} to drain), then unloads the devices and the core. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        if (started.get()) {
            try {
                if (!runFinished.await(5, TimeUnit.SECONDS)) {
                    LOG.warn("mm: the drain thread of {} did not finish within 5 s; releasing the core anyway", camera);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        session.release();
    }
}
