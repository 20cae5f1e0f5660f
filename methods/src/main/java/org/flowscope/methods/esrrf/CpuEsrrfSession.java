package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.scenes.SyntheticFrames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.PixelConversion;
import org.flowscope.core.source.PixelData;

/**
 * A {@link EsrrfSession} on the CPU: each frame's map goes straight into its run's {@link TemporalAccumulator}
 * (double sums on the heap), computed by a {@link FrameMapper} (the reference or the threaded kernel). Synchronous:
 * a frame's work is done when {@link #add} returns, and its time is the unit's busy time.
 */
final class CpuEsrrfSession implements EsrrfSession {
    /** Adds the map of one float frame, read {@code shift} away, to a running statistic. */
    @FunctionalInterface
    interface FrameMapper {
        void add(float[] frame, FrameShift shift, TemporalAccumulator acc);
    }

    private final EsrrfParams params;
    private final int h;
    private final int w;
    private final FrameMapper mapper;
    private final float[] frame;
    private final Map<Long, TemporalAccumulator> runs = new HashMap<>();
    private final List<long[]> timings = new ArrayList<>();
    private long unitNanos;

    CpuEsrrfSession(EsrrfStreamParams params, int height, int width, FrameMapper mapper) {
        this.params = params.esrrf();
        this.h = height;
        this.w = width;
        this.mapper = mapper;
        this.frame = new float[height * width];
    }

    /**
     * Runs the kernel once on a seeded frame and throws the result away: the first frames of a fresh kernel run
     * interpreted and then compiled, many times slower than the rest, and that one-time cost belongs to opening the
     * session, not to the first unit the agent times.
     */
    void warmUp() {
        int m = params.magnification();
        TemporalAccumulator scratch = new TemporalAccumulator(params.temporal(), h * m * w * m);
        float[] seeded = SyntheticFrames.blinking(1, h, w, 1).data();
        for (int i = 0; i < 2; i++) {
            mapper.add(seeded, FrameShift.ZERO, scratch);
            scratch.endFrame();
        }
    }

    @Override
    public void begin(long run) {
        int m = params.magnification();
        if (runs.putIfAbsent(run, new TemporalAccumulator(params.temporal(), h * m * w * m)) != null) {
            throw new IllegalStateException("run " + run + " already started");
        }
    }

    @Override
    public void add(long run, PixelData pixels, FrameShift shift) {
        TemporalAccumulator acc = run(run);
        if (pixels.length() != frame.length) {
            throw new IllegalArgumentException("frame has " + pixels.length() + " pixels, the session expects " + h + "x" + w);
        }
        long t0 = System.nanoTime();
        PixelConversion.toFloat(pixels, frame, 0, frame.length);
        mapper.add(frame, shift, acc);
        unitNanos += System.nanoTime() - t0;
    }

    @Override
    public void endUnit(long unit) {
        timings.add(new long[] {unit, unitNanos});
        unitNanos = 0;
    }

    @Override
    public void drainTimings(BiConsumer<Long, Double> sink) {
        for (long[] t : timings) {
            sink.accept(t[0], t[1] * 1e-9);
        }
        timings.clear();
    }

    @Override
    public void awaitTimings() {
        // synchronous: a unit's work is done when its last frame was added
    }

    @Override
    public int frames(long run) {
        return run(run).count();
    }

    @Override
    public PendingWindow window(List<Long> ids) {
        TemporalAccumulator total = null;
        for (long id : ids) {
            TemporalAccumulator a = run(id);
            if (total == null) {
                total = a.copy();
            } else {
                total.append(a);
            }
        }
        float[] stat = total.result();
        int m = params.magnification();
        if (params.macroPixelCorrection()) {
            MacroPixelCorrection.applyInPlace(stat, 0, h * m, w * m, m);
        }
        return PendingWindow.done(new ImageStack(1, h * m, w * m, stat));
    }

    @Override
    public TemporalAccumulator partial(long run) {
        return run(run);
    }

    @Override
    public void release(long run) {
        runs.remove(run);
    }

    @Override
    public void close() {
        runs.clear();
    }

    private TemporalAccumulator run(long id) {
        TemporalAccumulator a = runs.get(id);
        if (a == null) {
            throw new IllegalStateException("run " + id + " was not started or was released");
        }
        return a;
    }
}
