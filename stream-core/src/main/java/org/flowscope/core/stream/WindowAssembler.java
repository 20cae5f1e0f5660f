package org.flowscope.core.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.window.FrameWindow;
import org.flowscope.core.window.WindowSpec;

/**
 * Stateful core of {@link FrameFlux#windows}: keeps the last {@code size} frames (one reference each) and emits a
 * window every {@code step} frames. Each frame completes at most one window, so one push yields at most one
 * window. Not thread-safe: driven by one Reactor {@code handle} call at a time.
 */
final class WindowAssembler {
    private final WindowSpec spec;
    private final RunCounters counters;
    private final ArrayDeque<Frame> last = new ArrayDeque<>();
    private long seen;
    private long emitted;
    private long framesSinceLastWindow;

    WindowAssembler(WindowSpec spec, RunCounters counters) {
        this.spec = spec;
        this.counters = counters;
    }

    /** Takes ownership of {@code frame}'s reference; returns a completed window or null. */
    FrameWindow push(Frame frame) {
        last.addLast(frame);
        seen++;
        framesSinceLastWindow++;
        if (last.size() > spec.size()) {
            last.removeFirst().release();
        }
        boolean complete = seen >= spec.size() && (seen - spec.size()) % spec.step() == 0;
        if (!complete) {
            return null;
        }
        framesSinceLastWindow = 0;
        return window(new ArrayList<>(last));
    }

    /** At the end of the stream: the partial last window (time-point mode) or null; releases everything held. */
    FrameWindow finish() {
        FrameWindow w = null;
        if (spec.emitPartialLast()) {
            int pending = (int) Math.min(framesSinceLastWindow, last.size());
            if (pending > 0) {
                ArrayList<Frame> all = new ArrayList<>(last);
                w = window(new ArrayList<>(all.subList(all.size() - pending, all.size())));
            }
        } else {
            long trailing = trailingFrames();
            if (trailing > 0) {
                counters.add(RunCounters.WINDOWS_TRAILING_FRAMES, trailing);
            }
        }
        releaseAll();
        return w;
    }

    /** Frames after the last complete window that no window will analyse. */
    private long trailingFrames() {
        if (seen < spec.size()) {
            return seen;
        }
        return (seen - spec.size()) % spec.step();
    }

    private FrameWindow window(ArrayList<Frame> frames) {
        for (Frame f : frames) {
            f.retain();
        }
        counters.increment(RunCounters.WINDOWS_EMITTED);
        return new FrameWindow(emitted++, frames);
    }

    /** Releases the frames held for future windows (on completion, error or cancel). */
    void releaseAll() {
        while (!last.isEmpty()) {
            last.removeFirst().release();
        }
    }
}
