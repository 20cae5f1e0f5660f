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
 */
public final class SimulatedCamera implements FrameSource, RunContributor {
    private final SimulationParams params;
    private final Pacing pacing;
    private final Simulation simulation;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private volatile double maxLateMs;

    public SimulatedCamera(SimulationParams params, Pacing pacing) {
        this.params = params;
        this.pacing = pacing;
        this.simulation = new Simulation(params);
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
        int n = c.width() * c.height();
        int[] adu = new int[n];
        boolean u8 = c.bitDepth() == 8;
        byte[] b = u8 ? new byte[n] : null;
        short[] s = u8 ? null : new short[n];
        long periodNs = Math.round(1e9 / c.fps());
        long start = System.nanoTime();
        while (simulation.hasNext() && !stopped.get()) {
            long t = simulation.frame();
            simulation.next(adu);
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
            PixelData px;
            if (u8) {
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) adu[i];
                }
                px = new PixelData.U8(b);
            } else {
                for (int i = 0; i < n; i++) {
                    s[i] = (short) adu[i];
                }
                px = new PixelData.U16(s);
            }
            consumer.accept(md, px);
            delivered.incrementAndGet();
        }
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
        m.put("params", params);
        return m;
    }
}
