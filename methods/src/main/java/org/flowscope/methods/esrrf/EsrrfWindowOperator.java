package org.flowscope.methods.esrrf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.StreamingOperator;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.spi.WindowTally;

/**
 * The live eSRRF stage: one super-resolved frame {@code (1, H M, W M)} per window.
 *
 * <p><b>Streaming</b> (the live pipeline's normal mode): each frame's map is computed when the frame arrives, with
 * its drift (from a drift stage before it) undone inside eSRRF's own magnification and gradient interpolation, and
 * added to running sums on the device the engine chose for the frame's unit ({@link EsrrfStream},
 * {@link EsrrfStreamer}); a window's image is made from the sums of the runs it covers, so overlapping windows
 * compute each frame once. <b>Whole windows</b> (when a stage before it cannot stream): the engine runs
 * {@link Esrrf} on each window.
 *
 * <p>The engine belongs to the caller, which closes it. Called on one analysis thread; the progress fields read
 * atomics.
 */
public final class EsrrfWindowOperator implements StreamingOperator, RunContributor {
    private final Engine engine;
    private final EsrrfParams params;
    private final RunOptions options;
    private final int window;
    private final int step;
    /** Whole-window mode: which implementation ran each window, and how long it took. */
    private final WindowTally tally = new WindowTally("esrrf");
    /** Streaming mode: windows joined, the time joining them, frames and the time their maps took. */
    private final AtomicLong windows = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong frameNanos = new AtomicLong();
    private volatile String lastImplementation = "-";
    private volatile EsrrfStreamer streamer;
    private volatile EnginePlacement placement;
    private final DeviceSpread spread;
    private volatile SpreadFrameStream spreadStream;

    /**
     * @param engine  the engine that runs every window or unit (not closed by this stage)
     * @param params  eSRRF parameters; frames per time point is ignored (a window is one time point)
     * @param options implementation choice ({@code RunOptions.auto()} or a forced backend)
     * @param window  frames per window
     * @param step    frames between window starts
     */
    public EsrrfWindowOperator(Engine engine, EsrrfParams params, RunOptions options, int window, int step) {
        this(engine, params, options, window, step, DeviceSpread.ONE);
    }

    /**
     * @param spread the devices a streaming run spreads its windows over ({@code --devices}); {@link DeviceSpread#ONE}:
     *               one device at a time, as the engine places each unit
     */
    public EsrrfWindowOperator(Engine engine, EsrrfParams params, RunOptions options, int window, int step,
            DeviceSpread spread) {
        this.spread = spread;
        this.engine = engine;
        this.params = params.withFramesPerTimePoint(0);
        this.options = options;
        this.window = window;
        this.step = step;
    }

    @Override
    public String name() {
        return "esrrf";
    }

    /** The magnification: each result pixel is 1/M of an input pixel (the result's pixel size and truth image). */
    @Override
    public double outputScale() {
        return params.magnification();
    }

    @Override
    public String section() {
        return "esrrf";
    }

    @Override
    public ImageStack apply(ImageStack in, WindowContext context) {
        long t0 = System.nanoTime();
        Execution<ImageStack> ex = engine.execute(new Esrrf(), params, in, options);
        tally.record(ex.decision().choice().implementation(), System.nanoTime() - t0);
        return ex.output();
    }

    @Override
    public FrameStream openStream(StreamLayout layout, SourceFormat format) {
        EsrrfStreamParams p = new EsrrfStreamParams(params, window, step);
        if (spread.spread()) {
            SpreadFrameStream ss = new SpreadFrameStream(engine, options, spread, p, layout, format.height(),
                    format.width(), format.pixelType());
            this.spreadStream = ss;
            return ss;
        }
        EnginePlacement places = new EnginePlacement(engine, options, p, format.height(), format.width(),
                format.pixelType(), layout.unit());
        EsrrfStreamer s = new EsrrfStreamer(p, layout, format.height(), format.width(), places);
        this.placement = places;
        this.streamer = s;
        return new FrameStream() {
            private String last = "-";

            @Override
            public void frame(StreamFrame f) {
                long t0 = System.nanoTime();
                try {
                    s.frame(f.position(), f.frame().pixels(), f.shift());
                } finally {
                    f.release();
                }
                long ns = System.nanoTime() - t0;
                frames.incrementAndGet();
                frameNanos.addAndGet(ns);
            }

            @Override
            public PendingResult windowEnd(WindowEnd end) {
                long t0 = System.nanoTime();
                PendingWindow w = s.window(end.firstPosition(), end.frames());
                // no later window reaches back before the next window's start
                s.releaseBefore(end.firstPosition() + step);
                windows.incrementAndGet();
                totalNanos.addAndGet(System.nanoTime() - t0);
                Map<String, Long> units = places.unitsByLabel();
                last = units.isEmpty() ? "-" : units.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                lastImplementation = last;
                return w::await;
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public Map<String, String> progressFields() {
        SpreadFrameStream ss = spreadStream;
        if (ss != null) {
            return Map.of("esrrf", String.format(Locale.ROOT, "spread, most on %s %.1f ms/frame",
                    shortLabel(ss.leading()), ss.meanMsPerFrame()));
        }
        if (streamer == null) {
            return tally.progressFields();
        }
        long n = frames.get();
        return Map.of("esrrf", String.format(Locale.ROOT, "%s %.1f ms/frame", shortLabel(lastImplementation),
                n == 0 ? 0 : frameNanos.get() / 1e6 / n));
    }

    private static String shortLabel(String label) {
        int at = label.indexOf('@');
        return at < 0 ? label : label.substring(0, at);
    }

    @Override
    public Object runJsonSection() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("magnification", params.magnification());
        s.put("radius", params.radius());
        s.put("sensitivity", params.sensitivity());
        s.put("temporal", params.temporal().name());
        s.put("intensityWeighting", params.intensityWeighting());
        s.put("macroPixelCorrection", params.macroPixelCorrection());
        s.put("geometry", params.geometry().name());
        s.put("devices", spread.toString());
        EsrrfStreamer st = streamer;
        SpreadFrameStream ss = spreadStream;
        if (ss != null) {
            s.put("backend", options.toString());
            s.putAll(ss.report());
        } else if (st == null) {
            WindowTally.Stats w = tally.stats(options.toString());
            s.put("backend", w.backend());
            s.put("windows", w.windows());
            s.put("meanMsPerWindow", w.meanMsPerWindow());
            s.put("windowsByImplementation", w.windowsByImplementation());
        } else {
            s.put("backend", options.toString());
            s.put("windows", windows.get());
            s.put("meanMsPerWindow", windows.get() == 0 ? 0 : totalNanos.get() / 1e6 / windows.get());
            s.put("analysis", "frame by frame: each frame's map once, windows from shared running sums");
            s.put("frames", frames.get());
            s.put("meanMsPerFrame", frames.get() == 0 ? 0 : frameNanos.get() / 1e6 / frames.get());
            s.put("unitsByImplementation", placement.unitsByLabel());
            s.put("busyMsPerFrameByImplementation", placement.busyMsPerFrame());
            s.put("windowsJoinedOnDevice", st.deviceWindows());
            s.put("windowsJoinedOnHost", st.hostJoins());
        }
        return s;
    }
}
