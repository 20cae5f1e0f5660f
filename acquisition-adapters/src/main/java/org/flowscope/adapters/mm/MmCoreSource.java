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
 * thread; when the consumer blocks (the raw path slows down), frames wait in MMCore's buffer. Lost frames are
 * detected as described in {@link LossTracker} and available from {@link #loss()} at any time; frame sequence
 * numbers skip the lost frames, so downstream gap counting agrees.
 *
 * <p>8- and 16-bit pixels are handed over as {@link PixelData.U8} and {@link PixelData.U16} (unsigned).
 */
public final class MmCoreSource implements FrameSource, RunContributor {
    private static final Logger LOG = LoggerFactory.getLogger(MmCoreSource.class);
    private static final long IDLE_PARK_NS = 200_000;

    private final MmCorePort core;
    private final String camera;
    private final SourceFormat format;
    private final OptionalLong frames;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch runFinished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile LossTracker tracker = new LossTracker(1);
    private volatile int capacity;

    private MmCoreSource(MmCorePort core, String camera, SourceFormat format, OptionalLong frames) {
        this.core = core;
        this.camera = camera;
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
            call("loadSystemConfiguration(" + file + ")", () -> core.loadSystemConfiguration(file));
            camera = core.cameraDevice();
            if (camera == null || camera.isBlank()) {
                throw new IllegalArgumentException("mm: configuration " + file + " sets no camera (Core-Camera is empty)");
            }
        } else {
            String module = spec.module().orElseThrow();
            String device = spec.device().orElseThrow();
            camera = spec.label();
            call("loadDevice(" + camera + ", " + module + ", " + device + ")",
                    () -> core.loadAndInitializeDevice(camera, module, device));
            call("setCameraDevice(" + camera + ")", () -> core.setCameraDevice(camera));
        }
        for (Map.Entry<String, String> p : spec.properties().entrySet()) {
            call("setProperty(" + camera + ", " + p.getKey() + ", " + p.getValue() + ")",
                    () -> core.setProperty(camera, p.getKey(), p.getValue()));
        }
        spec.binning().ifPresent(b -> call("setProperty(" + camera + ", Binning, " + b + ")",
                () -> core.setProperty(camera, "Binning", Integer.toString(b))));
        spec.exposureMs().ifPresent(ms -> call("setExposure(" + ms + ")", () -> core.setExposure(ms)));
        spec.roi().ifPresent(r -> call("setROI(" + r.x() + ", " + r.y() + ", " + r.width() + ", " + r.height() + ")",
                () -> core.setRoi(r.x(), r.y(), r.width(), r.height())));
        // After ROI and binning: MMCore sizes the buffer for the frame size current at this call.
        spec.bufferMb().ifPresent(mb -> call("setCircularBufferMemoryFootprint(" + mb + ")",
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
        return Optional.of("the camera lost frames: " + result.summary() + ", " + result.delivered() + " of "
                + frames.getAsLong() + " delivered; the outputs are kept; pass --allow-loss to accept a lossy run");
    }

    @Override
    public String section() {
        return "mm";
    }

    /** The camera, the acquisition mode and what was delivered and lost. */
    @Override
    public Object runJsonSection() {
        MmLoss l = loss();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("camera", camera);
        m.put("mode", finite() ? "sequence, stop on overflow" : "continuous");
        m.put("requestedFrames", finite() ? frames.getAsLong() : null);
        m.put("bufferCapacityFrames", capacity);
        m.put("delivered", l.delivered());
        m.put("lostFrames", l.lostFrames());
        m.put("lossExact", l.exact());
        m.put("imageNumberGaps", l.gaps());
        m.put("bufferResets", l.bufferResets());
        m.put("overflowed", l.overflowed());
        return m;
    }

    @Override
    public Map<String, String> progressFields() {
        MmLoss l = loss();
        return Map.of("mm lost", (l.exact() ? "" : ">=") + l.lostFrames()
                + (l.bufferResets() > 0 ? " (" + l.bufferResets() + " resets)" : "") + (l.overflowed() ? " overflow" : ""));
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
        try {
            capacity = core.bufferTotalCapacity();
            LossTracker loss = new LossTracker(capacity);
            tracker = loss;
            if (frames.isPresent()) {
                call("startSequenceAcquisition(" + frames.getAsLong() + ", 0, true)",
                        () -> core.startSequenceAcquisition((int) frames.getAsLong(), true));
            } else {
                call("startContinuousSequenceAcquisition(0)", core::startContinuousSequenceAcquisition);
            }
            LOG.info("mm: {} acquiring {} {}x{} {} (buffer {} frames)", camera,
                    frames.isPresent() ? frames.getAsLong() + " frames (stop on overflow)" : "continuously",
                    format.width(), format.height(), format.pixelType(), core.bufferTotalCapacity());
            try {
                drain(consumer, loss);
            } finally {
                stopCamera();
            }
            if (core.isBufferOverflowed()) {
                loss.overflowObserved();
            }
            loss.drainEnded(frames.isPresent());
            if (!stopRequested) {
                // Stopped on request, a short finite run is the user's choice, not a loss.
                frames.ifPresent(loss::finiteRunEnded);
            }
            MmLoss result = loss.snapshot();
            if (result.any()) {
                LOG.warn("mm: {} delivered {} frames; {}", camera, result.delivered(), result.summary());
            }
        } finally {
            runFinished.countDown();
        }
    }

    private void drain(FrameConsumer consumer, LossTracker loss) throws Exception {
        long believedRemaining = 0;
        long nextSequence = 0;
        long startNs = System.nanoTime();
        boolean cameraStopped = false;
        int pixels = format.width() * format.height();
        while (true) {
            if (stopRequested && !cameraStopped) {
                stopCamera();
                cameraStopped = true;
            }
            int remaining = core.remainingImageCount();
            if (remaining < believedRemaining) {
                loss.bufferClearObserved();
            }
            if (remaining == 0) {
                believedRemaining = 0;
                // Re-read after isSequenceRunning: a last frame may land between the two calls.
                if (!core.isSequenceRunning() && core.remainingImageCount() == 0) {
                    return;
                }
                LockSupport.parkNanos(IDLE_PARK_NS);
                continue;
            }
            MmImage image;
            try {
                image = core.popNextImage();
            } catch (Exception e) {
                // MMCore signals an empty buffer only through an exception's text; rather than matching the text,
                // re-read the count: zero means the buffer was cleared between the count and the pop.
                if (core.remainingImageCount() == 0) {
                    loss.bufferClearObserved();
                    believedRemaining = 0;
                    continue;
                }
                throw new MmCoreException("mm: popNextImageMD failed on " + camera + ": " + e.getMessage(), e);
            }
            believedRemaining = remaining - 1;
            long imageNumber = longTag(image, MmImage.IMAGE_NUMBER);
            nextSequence += loss.framePopped(imageNumber);
            PixelData data = pixelData(image.pixels(), pixels);
            long timeNs = elapsedNs(image).orElse(System.nanoTime() - startNs);
            consumer.accept(new FrameMetadata(nextSequence++, timeNs, format.width(), format.height(),
                    format.pixelType(), format.pixelSizeNm(), 0, "mm:" + camera), data);
        }
    }

    private PixelData pixelData(Object pixels, int expected) {
        PixelData data;
        if (pixels instanceof byte[] b && format.pixelType() == PixelType.U8) {
            data = new PixelData.U8(b);
        } else if (pixels instanceof short[] s && format.pixelType() == PixelType.U16) {
            data = new PixelData.U16(s);
        } else {
            throw new MmCoreException("mm: " + camera + " returned a " + pixels.getClass().getSimpleName()
                    + " frame but the acquisition started as " + format.pixelType()
                    + "; the pixel type changed during acquisition");
        }
        if (data.length() != expected) {
            throw new MmCoreException("mm: " + camera + " returned " + data.length() + " pixels, expected "
                    + format.width() + "x" + format.height() + "; the frame size changed during acquisition");
        }
        return data;
    }

    private static long longTag(MmImage image, String key) {
        String value = image.tags().get(key);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(value.trim());
            } catch (NumberFormatException e2) {
                return -1;
            }
        }
    }

    private static OptionalLong elapsedNs(MmImage image) {
        String value = image.tags().get(MmImage.ELAPSED_TIME_MS);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.round(Double.parseDouble(value.trim()) * 1e6));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void stopCamera() {
        try {
            core.stopSequenceAcquisition();
        } catch (Exception e) {
            LOG.warn("mm: stopSequenceAcquisition on {} failed: {}", camera, e.getMessage());
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
        stopCamera();
        core.close();
    }

    @FunctionalInterface
    private interface CoreCall {
        void run() throws Exception;
    }

    private static void call(String what, CoreCall call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MmCoreException("mm: MMCore refused " + what + ": " + e.getMessage(), e);
        }
    }
}
