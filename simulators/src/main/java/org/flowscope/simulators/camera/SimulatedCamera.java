package org.flowscope.simulators.camera;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * A camera that films a {@link Simulation}: a {@link FrameSource} of u8 or u16 frames (per the bit depth) with
 * sequence numbers 0, 1, 2, ... and the pacing of {@link Pacing}. When the consumer blocks longer than a frame
 * period in {@link Pacing#REAL_TIME}, the camera falls behind schedule instead of losing frames; such late frames
 * are counted and reported in the {@code camera} section of run.json. After the run, {@link #truth()} holds the
 * ground truth of the frames delivered.
 *
 * <p>Frames are rendered on {@code renderThreads} threads ({@link FrameRenderer}; the same frames as one thread,
 * bit for bit). The camera times its own rendering: paced in real time, it limits the run when it renders slower
 * than the frame rate asked for; unpaced, when rendering takes most of each frame's cycle (the consumer waits for
 * it, not the other way round). The progress line ({@code source}) and the {@code camera} section
 * ({@code sourceBound}) then say so, with the rate it renders at.
 */
public final class SimulatedCamera implements FrameSource, RunContributor {
    /** Share of the frame cycle spent rendering from which the simulator counts as the bottleneck. */
    static final double BOUND_SHARE = 0.8;
    private static final double EMA = 0.05;

    private final SimulationParams params;
    private final Pacing pacing;
    private final Simulation simulation;
    private final int renderThreads;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private volatile double maxLateMs;
    private volatile double renderEmaNs;
    private volatile double cycleEmaNs;
    private volatile long renderNanos;
    private volatile long cycleNanos;

    /** With one render thread per core for frames large enough to share (see {@link #defaultRenderThreads}). */
    public SimulatedCamera(SimulationParams params, Pacing pacing) {
        this(params, pacing, defaultRenderThreads(params.camera()));
    }

    /** @param renderThreads threads that render frames, &ge; 1 */
    public SimulatedCamera(SimulationParams params, Pacing pacing, int renderThreads) {
        if (renderThreads < 1) {
            throw new IllegalArgumentException("render threads must be >= 1, got " + renderThreads);
        }
        this.params = params;
        this.pacing = pacing;
        this.simulation = new Simulation(params);
        this.renderThreads = renderThreads;
    }

    /**
     * One thread per available processor, but one for frames of at most 32k pixels (128x256), which a single
     * thread renders at several thousand frames per second: sharing them costs more than it saves.
     */
    public static int defaultRenderThreads(CameraParams camera) {
        long pixels = (long) camera.width() * camera.height();
        return pixels <= 32_768 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int renderThreads() {
        return renderThreads;
    }

    @Override
    public SourceFormat format() {
        CameraParams c = params.camera();
        return new SourceFormat(c.width(), c.height(), c.pixelType(),
                params.frames() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(params.frames()),
                OptionalDouble.of(c.fps()), OptionalDouble.of(c.pixelSizeNm()));
    }

    @Override
    public void run(FrameConsumer consumer) throws InterruptedException {
        CameraParams c = params.camera();
        boolean u8 = c.bitDepth() == 8;
        try (FrameRenderer renderer = new FrameRenderer(simulation, u8 ? FrameRenderer.Output.U8 : FrameRenderer.Output.U16,
                renderThreads)) {
            if (renderThreads == 1) {
                deliver(consumer, () -> {
                    long r0 = System.nanoTime();
                    FrameRenderer.Frame f = renderer.hasNext() ? renderer.next() : null;
                    return f == null ? null : new RenderAhead.Rendered(f.plan(), f.shorts(), f.bytes(), System.nanoTime() - r0);
                }, r -> {
                });
                return;
            }
            // several render threads: a producer renders ahead into a few recycled buffers, so that the sequential
            // part of rendering (planning, the noise walk) overlaps with the consumer's handling of earlier frames
            try (RenderAhead ahead = new RenderAhead(simulation, renderer, c.width() * c.height(), u8, stopped)) {
                deliver(consumer, ahead::take, ahead::recycle);
            }
        }
    }

    /** A source of rendered frames for {@link #deliver}: null when the simulation is over. */
    @FunctionalInterface
    private interface Frames {
        RenderAhead.Rendered next() throws InterruptedException;
    }

    /** Paces and hands over frames until the source ends or the camera is stopped; {@code done} takes back each. */
    private void deliver(FrameConsumer consumer, Frames frames, java.util.function.Consumer<RenderAhead.Rendered> done)
            throws InterruptedException {
        CameraParams c = params.camera();
        long periodNs = Math.round(1e9 / c.fps());
        long start = System.nanoTime();
        long cycleStart = System.nanoTime();
        while (!stopped.get()) {
            RenderAhead.Rendered frame = frames.next();
            if (frame == null) {
                return;
            }
            long t = frame.number();
            long due = start + t * periodNs;
            if (pacing == Pacing.REAL_TIME) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else if (-wait > periodNs) {
                    late.incrementAndGet();
                    maxLateMs = Math.max(maxLateMs, -wait / 1e6);
                }
            }
            long stamp = pacing == Pacing.VIRTUAL ? t * periodNs : System.nanoTime() - start;
            FrameMetadata md = new FrameMetadata(t, stamp, c.width(), c.height(), c.pixelType(),
                    OptionalDouble.of(c.pixelSizeNm()), 0, "sim");
            PixelData px = frame.bytes() != null ? new PixelData.U8(frame.bytes()) : new PixelData.U16(frame.shorts());
            consumer.accept(md, px);
            done.accept(frame);
            delivered.incrementAndGet();
            long now = System.nanoTime();
            timeCycle(frame.renderNanos(), now - cycleStart);
            cycleStart = now;
        }
    }

    /** Updates the rendering statistics with one frame's render time and cycle (render + pacing + delivery). */
    private void timeCycle(long rendered, long cycle) {
        renderNanos += rendered;
        cycleNanos += cycle;
        if (delivered.get() == 1) {
            return; // the first frame pays class loading and JIT: not the rate the camera renders at
        }
        double r = renderEmaNs;
        double w = cycleEmaNs;
        boolean first = w == 0;
        renderEmaNs = first ? rendered : r + EMA * (rendered - r);
        cycleEmaNs = first ? cycle : w + EMA * (cycle - w);
    }

    /** Whether, over recent frames, the simulator limits the frame rate (see the class comment). */
    public boolean sourceBound() {
        return bound(renderEmaNs, cycleEmaNs);
    }

    private boolean bound(double renderPerFrame, double cyclePerFrame) {
        if (cyclePerFrame <= 0) {
            return false;
        }
        // paced: late only because of rendering when a frame takes longer to render than its period (a camera
        // that catches up after the consumer held it renders back to back without being the bottleneck)
        return pacing == Pacing.REAL_TIME ? renderPerFrame > 1e9 / params.camera().fps() : renderPerFrame >= BOUND_SHARE * cyclePerFrame;
    }

    /** Frames per second the simulator renders at (recent frames), 0 before the first frame. */
    public double renderFramesPerSecond() {
        double r = renderEmaNs;
        return r > 0 ? 1e9 / r : 0;
    }

    /** Ground truth of the frames produced so far (call after the run). */
    public GroundTruth truth() {
        return simulation.truth();
    }

    public long delivered() {
        return delivered.get();
    }

    @Override
    public void stop() {
        stopped.set(true);
    }

    @Override
    public void close() {
        stopped.set(true);
    }

    @Override
    public String section() {
        return "camera";
    }

    @Override
    public Object runJsonSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "simulated");
        m.put("pacing", pacing.name().toLowerCase(java.util.Locale.ROOT));
        m.put("framesDelivered", delivered.get());
        m.put("framesLate", late.get());
        m.put("maxLateMs", maxLateMs);
        m.put("renderThreads", renderThreads);
        long n = delivered.get();
        m.put("renderMsPerFrame", n == 0 ? null : renderNanos / 1e6 / n);
        m.put("renderFramesPerSecond", renderNanos == 0 ? null : n * 1e9 / renderNanos);
        m.put("cycleMsPerFrame", n == 0 ? null : cycleNanos / 1e6 / n);
        m.put("sourceBound", n > 0 && bound((double) renderNanos / n, (double) cycleNanos / n));
        m.put("params", params);
        return m;
    }

    @Override
    public Map<String, String> progressFields() {
        if (!sourceBound()) {
            return Map.of();
        }
        return Map.of("source", String.format(java.util.Locale.ROOT, "simulator-bound (renders %.0f fps on %d thread%s)",
                renderFramesPerSecond(), renderThreads, renderThreads == 1 ? "" : "s"));
    }
}
