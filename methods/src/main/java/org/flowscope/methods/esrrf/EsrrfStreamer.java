package org.flowscope.methods.esrrf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.engine.spi.DeviceMemoryException;

/**
 * Streaming eSRRF over one frame stream: every frame goes to the session its unit was placed on as it arrives
 * ({@link UnitPlacement}), into the running sums of a <b>run</b> (consecutive units of one segment on one session);
 * a window's image is made from the runs that tile it, on their device when they all lie on one session, else on
 * the host from their downloaded sums. Overlapping windows share runs, so no frame is computed twice.
 *
 * <p>Frames must come in position order, each unit whole (the live pipeline drops whole segments, never parts of
 * one). Not thread-safe: one analysis thread drives it.
 */
public final class EsrrfStreamer implements AutoCloseable {
    private static final class Run {
        final long id;
        final UnitPlacement.Placed where;
        final long segment;
        final long first;
        int frames;

        Run(long id, UnitPlacement.Placed where, long segment, long first) {
            this.id = id;
            this.where = where;
            this.segment = segment;
            this.first = first;
        }

        long end() {
            return first + frames;
        }
    }

    private final EsrrfStreamParams params;
    private final StreamLayout layout;
    private final int hm;
    private final int wm;
    private final UnitPlacement placement;
    private final ArrayDeque<Run> runs = new ArrayDeque<>();
    private long currentUnit = -1;
    private long nextRun;
    private long frames;
    private long hostJoins;
    private long deviceWindows;

    /**
     * @param params    eSRRF and window parameters
     * @param layout    segments and units (normally {@code params.layout()}; a test may choose other units)
     * @param height    input frame rows
     * @param width     input frame columns
     * @param placement where units run; closed with this streamer
     */
    public EsrrfStreamer(EsrrfStreamParams params, StreamLayout layout, int height, int width, UnitPlacement placement) {
        if (layout.window() != params.window() || layout.step() != params.step()) {
            throw new IllegalArgumentException("layout " + layout + " does not match windows of " + params.window()
                    + " every " + params.step());
        }
        this.params = params;
        this.layout = layout;
        this.hm = height * params.esrrf().magnification();
        this.wm = width * params.esrrf().magnification();
        this.placement = placement;
    }

    /** Adds the frame at stream position {@code position} (its pixels are copied or uploaded before this returns). */
    public void frame(long position, PixelData pixels, FrameShift shift) {
        long unit = layout.unitOf(position);
        if (unit != currentUnit) {
            startUnit(unit, position);
        }
        Run run = runs.peekLast();
        if (run.end() != position) {
            throw new IllegalStateException("frame at position " + position + " does not follow frame " + (run.end() - 1));
        }
        run.where.session().add(run.id, pixels, shift);
        run.frames++;
        frames++;
        if (layout.endsUnit(position)) {
            run.where.session().endUnit(unit);
            placement.unitDone();
        }
    }

    private void startUnit(long unit, long position) {
        if (position % layout.unit() != 0) {
            throw new IllegalStateException("unit " + unit + " must start at position " + unit * layout.unit()
                    + ", its first frame came at " + position);
        }
        UnitPlacement.Placed where = placement.place(unit);
        long segment = layout.segmentOf(position);
        Run last = runs.peekLast();
        boolean continues = last != null && last.where.equals(where) && last.segment == segment && last.end() == position;
        if (!continues) {
            long id = nextRun++;
            while (true) {
                try {
                    where.session().begin(id);
                    break;
                } catch (DeviceMemoryException e) {
                    where = placement.retry(where, e, unit);
                }
            }
            runs.addLast(new Run(id, where, segment, position));
        }
        currentUnit = unit;
    }

    /**
     * The image of the window of {@code count} frames from position {@code first}; every one of its frames must
     * have been added and not released.
     */
    public PendingWindow window(long first, int count) {
        List<Run> parts = covering(runs, first, count, r -> r.first, Run::end);
        UnitPlacement.Placed where = parts.get(0).where;
        if (parts.stream().allMatch(r -> r.where.equals(where))) {
            deviceWindows++;
            return where.session().window(parts.stream().map(r -> r.id).toList());
        }
        hostJoins++;
        TemporalAccumulator total = null;
        for (Run r : parts) {
            TemporalAccumulator a = r.where.session().partial(r.id);
            if (total == null) {
                total = a.copy();
            } else {
                total.append(a);
            }
        }
        float[] stat = total.result();
        if (params.esrrf().macroPixelCorrection()) {
            MacroPixelCorrection.applyInPlace(stat, 0, hm, wm, params.esrrf().magnification());
        }
        return PendingWindow.done(new ImageStack(1, hm, wm, stat));
    }

    /** Frees the runs that end before {@code position} (no later window reaches back before it). */
    public void releaseBefore(long position) {
        for (Iterator<Run> it = runs.iterator(); it.hasNext();) {
            Run r = it.next();
            if (r.end() <= position && r != runs.peekLast()) {
                r.where.session().release(r.id);
                it.remove();
            }
        }
    }

    /** Frames added so far. */
    public long frames() {
        return frames;
    }

    /** Windows whose runs were joined on the host because they lay on more than one session. */
    public long hostJoins() {
        return hostJoins;
    }

    /** Windows made on the device that computed all of their runs. */
    public long deviceWindows() {
        return deviceWindows;
    }

    /** Frees every run and closes the placement's sessions. */
    @Override
    public void close() {
        try {
            for (Run r : runs) {
                r.where.session().release(r.id);
            }
            runs.clear();
        } finally {
            placement.close();
        }
    }

    /**
     * Every complete window of {@code in}, one after the other, computed frame by frame on {@code session} (closed
     * afterwards): the streaming path of an {@link EsrrfStream} implementation.
     */
    public static ImageStack offline(EsrrfStreamParams p, EsrrfStreamInput in, EsrrfSession session, String label) {
        ImageStack frames = in.frames();
        int windows = p.windows(frames.frames());
        int m = p.esrrf().magnification();
        int px = frames.height() * m * frames.width() * m;
        float[] out = new float[windows * px];
        List<PendingWindow> pending = new ArrayList<>();
        float[] one = new float[frames.frameSize()];
        try (EsrrfStreamer s = new EsrrfStreamer(p, p.layout(), frames.height(), frames.width(),
                UnitPlacement.fixed(session, label))) {
            int w = 0;
            for (int f = 0; f < frames.frames() && w < windows; f++) {
                System.arraycopy(frames.data(), frames.offset(f), one, 0, one.length);
                s.frame(f, new PixelData.F32(one), in.shift(f));
                while (w < windows && (long) w * p.step() + p.window() == f + 1) {
                    pending.add(s.window((long) w * p.step(), p.window()));
                    w++;
                    s.releaseBefore((long) w * p.step());
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                System.arraycopy(pending.get(i).await().data(), 0, out, i * px, px);
            }
        }
        return new ImageStack(windows, frames.height() * m, frames.width() * m, out);
    }

    /**
     * The spans (runs here, segments in {@link SpreadStreamer}) that make up the window of {@code count} frames from
     * {@code first}, in order; throws naming the missing frames when they do not cover it without a gap.
     */
    static <T> List<T> covering(Iterable<T> spans, long first, int count, java.util.function.ToLongFunction<T> start,
            java.util.function.ToLongFunction<T> end) {
        List<T> parts = new ArrayList<>();
        long next = first;
        for (T span : spans) {
            long from = start.applyAsLong(span);
            if (end.applyAsLong(span) <= first || from >= first + count) {
                continue;
            }
            if (from != next) {
                throw new IllegalStateException("window at " + first + " (" + count + " frames) lacks frames " + next
                        + ".." + (from - 1));
            }
            parts.add(span);
            next = end.applyAsLong(span);
        }
        if (next != first + count) {
            throw new IllegalStateException("window at " + first + " (" + count + " frames) lacks frames " + next + ".."
                    + (first + count - 1));
        }
        return parts;
    }
}
