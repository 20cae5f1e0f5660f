package org.flowscope.methods.esrrf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.pipeline.StreamingOperator;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The live eSRRF stream of {@code --devices all|KINDS}: frames to a {@link SpreadStreamer} whose segments the engine
 * dispatches over every admitted device, several windows in flight, results awaited in window order by the
 * pipeline's writer.
 */
final class SpreadFrameStream implements StreamingOperator.FrameStream {
    private final SpreadStreamer streamer;
    private final SpreadPlacement placement;
    private final int step;
    private final int inFlight;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong frameNanos = new AtomicLong();
    private final AtomicLong windows = new AtomicLong();

    SpreadFrameStream(Engine engine, RunOptions options, DeviceSpread spread, EsrrfStreamParams p, StreamLayout layout,
            int height, int width, PixelType pixelType) {
        Predicate<Candidate> streaming = EnginePlacement.streamingCandidates(options);
        Predicate<Candidate> admitted = c -> streaming.test(c) && spread.kinds().contains(c.device().kind());
        int unitsPerSegment = layout.segment() / layout.unit();
        int devices = 0;
        for (DeviceKind k : spread.kinds()) {
            if (options.deviceKindFilter().map(f -> f == k).orElse(true)) {
                devices += engine.devices(k).size();
            }
        }
        this.inFlight = inFlight(devices, p, height, width, pixelType, Runtime.getRuntime().maxMemory());
        // frames are kept (for recovery) until their windows are written anyway: a lane may queue all of them, so that
        // a full queue on one device never stops the others from getting work; the writer's bound stops the analysis
        int room = (inFlight + 1) * p.window();
        this.placement = new SpreadPlacement(engine, EnginePlacement.unnamed(options), admitted,
                EsrrfStream.shape(p, layout.unit(), height, width, pixelType.name().toLowerCase(java.util.Locale.ROOT)),
                EsrrfStream.cost(p, layout.unit(), height, width), unitsPerSegment,
                c -> new DeviceLane(c, c.label(), ((StreamingEsrrf) c.implementation()).open(p, height, width,
                        pixelType, () -> c.device()), room));
        this.streamer = new SpreadStreamer(p, layout, height, width, placement);
        this.step = p.step();
    }

    /**
     * Results in flight: one window computing per device, one being fed, one being written; fewer when a window's
     * kept frames and its result would take more than a third of the heap between them (at least 2).
     */
    static int inFlight(int devices, EsrrfStreamParams p, int height, int width, PixelType pixelType, long maxHeap) {
        int m = p.esrrf().magnification();
        long window = (long) p.window() * height * width * pixelType.bytes() + 4L * height * m * width * m;
        long fits = maxHeap / 3 / Math.max(1, window);
        return (int) Math.max(2, Math.min(Math.max(3, devices + 2), fits));
    }

    @Override
    public void frame(StreamFrame f) {
        long t0 = System.nanoTime();
        try {
            streamer.frame(f.position(), f.frame().pixels(), f.shift());
        } finally {
            f.release();
        }
        frames.incrementAndGet();
        frameNanos.addAndGet(System.nanoTime() - t0);
    }

    @Override
    public StreamingOperator.PendingResult windowEnd(WindowEnd end) {
        PendingWindow w = streamer.window(end.firstPosition(), end.frames());
        streamer.releaseBefore(end.firstPosition() + step);
        windows.incrementAndGet();
        return w::await;
    }

    @Override
    public int resultsInFlight() {
        return inFlight;
    }

    /** The implementation and device that took the most segments so far. */
    String leading() {
        return placement.segmentsByLabel().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("-");
    }

    long frames() {
        return frames.get();
    }

    double meanMsPerFrame() {
        long n = frames.get();
        return n == 0 ? 0 : frameNanos.get() / 1e6 / n;
    }

    /** The {@code run.json} fields of a spread run. */
    Map<String, Object> report() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("analysis", "frame by frame, segments spread over several devices, " + inFlight + " results in flight");
        s.put("windows", windows.get());
        s.put("frames", frames.get());
        s.put("meanMsPerFrame", meanMsPerFrame());
        s.put("segmentsByImplementation", placement.segmentsByLabel());
        s.put("busyMsPerUnitByImplementation", placement.busyMsPerUnit());
        s.put("windowsJoinedOnDevice", streamer.deviceWindows());
        s.put("windowsJoinedOnHost", streamer.hostJoins());
        s.put("segmentsRecomputedAfterFailure", streamer.recoveredSegments());
        s.put("failedDevices", placement.failedLabels());
        return s;
    }

    @Override
    public void close() {
        streamer.close();
    }
}
