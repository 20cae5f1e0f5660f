package org.flowscope.methods.esrrf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.window.StreamLayout;

/**
 * Streaming eSRRF spread over several devices at once: each <b>segment</b> of the stream (the frames that windows
 * share, {@link StreamLayout#segment()}; a whole window when windows do not overlap) goes to the device the engine
 * expects to finish it first ({@link SpreadPlacement}), whose {@link DeviceLane} computes it while the next segments'
 * frames go to other devices, so several windows are in flight; each window's image is made on its device when all
 * of its segments lie there, else joined on the host. Results are awaited by the caller in window order.
 *
 * <p>Nothing is lost when a device fails: a copy of every frame is kept until every window that contains it has
 * been awaited, so a segment whose lane failed is computed again from its frames on the next device (its
 * {@link #recoveredSegments}); the engine remembers the failure and backs the device off. A failure that is not the
 * device's (a bug, bad input) ends the run.
 *
 * <p>Frames come in position order from one thread; {@link PendingWindow#await} runs on another (the result writer).
 */
public final class SpreadStreamer implements AutoCloseable {
    private static final class Segment {
        final long first;
        final List<PixelData> pixels = new ArrayList<>();
        final List<FrameShift> shifts = new ArrayList<>();
        DeviceLane lane;
        long run;
        /** Windows asked for and not yet awaited. */
        int waiting;
        /** No later window needs it. */
        boolean dropped;

        Segment(long first) {
            this.first = first;
        }

        long end() {
            return first + pixels.size();
        }
    }

    private final EsrrfStreamParams params;
    private final StreamLayout layout;
    private final int hm;
    private final int wm;
    private final SpreadPlacement placement;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private long nextRun;
    private long hostJoins;
    private long deviceWindows;
    private long recovered;

    SpreadStreamer(EsrrfStreamParams params, StreamLayout layout, int height, int width, SpreadPlacement placement) {
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

    /** Adds the frame at stream position {@code position}; its pixels are copied before this returns. */
    public synchronized void frame(long position, PixelData pixels, FrameShift shift) {
        Segment s = segments.peekLast();
        if (s == null || layout.segmentOf(position) != layout.segmentOf(s.first)) {
            if (position % layout.segment() != 0) {
                throw new IllegalStateException("segment " + layout.segmentOf(position) + " must start at position "
                        + layout.segmentOf(position) * layout.segment() + ", its first frame came at " + position);
            }
            s = new Segment(position);
            segments.addLast(s);
            start(s, placement.place());
        }
        if (s.end() != position) {
            throw new IllegalStateException("frame at position " + position + " does not follow frame " + (s.end() - 1));
        }
        s.pixels.add(copy(pixels));
        s.shifts.add(shift);
        if (s.lane.failure() != null) {
            move(s);
        } else {
            feed(s, s.pixels.size() - 1);
        }
        placement.collect();
    }

    private void start(Segment s, DeviceLane lane) {
        s.lane = lane;
        s.run = nextRun++;
        lane.begin(s.run);
    }

    private void feed(Segment s, int i) {
        s.lane.add(s.run, s.pixels.get(i), s.shifts.get(i));
        if (layout.endsUnit(s.first + i)) {
            s.lane.endUnit(placement.token(s.lane));
        }
    }

    /** The segment's lane failed: the engine is told, and its frames so far go to the next device. */
    private void move(Segment s) {
        placement.failed(s.lane);
        start(s, placement.place());
        for (int i = 0; i < s.pixels.size(); i++) {
            feed(s, i);
        }
        recovered++;
    }

    /** The image of the window of {@code count} frames from {@code first}; every one of its frames was added. */
    public synchronized PendingWindow window(long first, int count) {
        List<Segment> parts = EsrrfStreamer.covering(segments, first, count, s -> s.first, Segment::end);
        parts.forEach(s -> s.waiting++);
        java.util.function.Supplier<ImageStack> asked = ask(parts);
        List<Long> tried = runs(parts);
        return () -> awaitWindow(parts, asked, tried);
    }

    /**
     * Queues the window's making on its device, or the download of its segments' sums to join them on the host;
     * the returned call waits for it (on the result writer's thread, so that no lane waits for a read-back).
     */
    private java.util.function.Supplier<ImageStack> ask(List<Segment> parts) {
        DeviceLane lane = parts.get(0).lane;
        if (parts.stream().allMatch(s -> s.lane == lane)) {
            deviceWindows++;
            CompletableFuture<PendingWindow> made = lane.window(parts.stream().map(s -> s.run).toList());
            return () -> {
                PendingWindow pending = join(made);
                try {
                    return pending.await();
                } catch (RuntimeException e) {
                    lane.fail(e); // the read-back failed: the lane's device is in trouble
                    throw e;
                }
            };
        }
        hostJoins++;
        List<CompletableFuture<TemporalAccumulator>> sums = parts.stream().map(s -> s.lane.partial(s.run)).toList();
        return () -> {
            TemporalAccumulator total = null;
            for (CompletableFuture<TemporalAccumulator> f : sums) {
                if (total == null) {
                    total = join(f);
                } else {
                    total.append(join(f));
                }
            }
            float[] stat = total.result();
            if (params.esrrf().macroPixelCorrection()) {
                MacroPixelCorrection.applyInPlace(stat, 0, hm, wm, params.esrrf().magnification());
            }
            return new ImageStack(1, hm, wm, stat);
        };
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static List<Long> runs(List<Segment> parts) {
        return parts.stream().map(s -> s.run).toList();
    }

    private ImageStack awaitWindow(List<Segment> parts, java.util.function.Supplier<ImageStack> asked,
            List<Long> triedRuns) {
        try {
            java.util.function.Supplier<ImageStack> attempt = asked;
            List<Long> tried = triedRuns;
            while (true) {
                try {
                    return attempt.get();
                } catch (RuntimeException cause) {
                    synchronized (this) {
                        // moved: here, or since the attempt was asked (by another window sharing a segment)
                        boolean moved = !runs(parts).equals(tried);
                        for (Segment s : parts) {
                            if (s.lane.failure() != null) {
                                move(s);
                                moved = true;
                            }
                        }
                        if (!moved) {
                            throw cause;
                        }
                        tried = runs(parts);
                        attempt = ask(parts);
                    }
                }
            }
        } finally {
            synchronized (this) {
                for (Segment s : parts) {
                    s.waiting--;
                }
                free();
            }
        }
    }

    /** No later window reaches back before {@code position}: the segments that end before it go once awaited. */
    public synchronized void releaseBefore(long position) {
        for (Segment s : segments) {
            if (s.end() <= position && s != segments.peekLast()) {
                s.dropped = true;
            }
        }
        free();
    }

    private void free() {
        for (Iterator<Segment> it = segments.iterator(); it.hasNext();) {
            Segment s = it.next();
            if (s.dropped && s.waiting == 0) {
                if (s.lane.failure() == null) {
                    s.lane.release(s.run);
                }
                it.remove();
            }
        }
    }

    /** Windows made on the device that computed all of their segments. */
    public synchronized long deviceWindows() {
        return deviceWindows;
    }

    /** Windows joined on the host because their segments lay on several devices. */
    public synchronized long hostJoins() {
        return hostJoins;
    }

    /** Segments computed again on another device after theirs failed. */
    public synchronized long recoveredSegments() {
        return recovered;
    }

    /** Frees every segment and closes every lane (after the work queued on it). */
    @Override
    public void close() {
        synchronized (this) {
            segments.clear();
        }
        placement.close();
    }

    private static PixelData copy(PixelData p) {
        if (p instanceof PixelData.U16 s) {
            return new PixelData.U16(s.pixels().clone());
        }
        if (p instanceof PixelData.U8 b) {
            return new PixelData.U8(b.pixels().clone());
        }
        return new PixelData.F32(((PixelData.F32) p).pixels().clone());
    }
}
