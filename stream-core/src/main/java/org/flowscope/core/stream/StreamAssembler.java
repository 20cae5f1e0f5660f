package org.flowscope.core.stream;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;

/**
 * Stateful core of {@link FrameFlux#stream}: numbers the frames, decides at each window's first frame whether the
 * window is analysed or skipped, drops the frames that no analysed window needs (whole segments), and emits the end
 * mark of each analysed window after its last frame. Not thread-safe: driven by one Reactor operator call at a time.
 */
final class StreamAssembler {
    private final StreamLayout layout;
    private final BackpressurePolicy policy;
    private final AtomicLong backlog;
    private final long skipBacklog;
    private final RunCounters counters;
    /** Metadata of the last {@code window} frames, for the windows' contexts. */
    private final ArrayDeque<FrameMetadata> recent = new ArrayDeque<>();
    private final ArrayDeque<Long> recentIngest = new ArrayDeque<>();
    private final Set<Long> skipped = new HashSet<>();
    private long position;

    StreamAssembler(StreamLayout layout, BackpressurePolicy policy, AtomicLong backlog, long skipBacklog,
            RunCounters counters) {
        this.layout = layout;
        this.policy = policy;
        this.backlog = backlog;
        this.skipBacklog = skipBacklog;
        this.counters = counters;
    }

    /** Takes over {@code frame}'s reference; returns what to emit (the frame, maybe a window end), or null. */
    StreamStep push(Frame frame) {
        long p = position++;
        int n = layout.window();
        int s = layout.step();
        if (p % s == 0 && policy == BackpressurePolicy.SKIP && backlog.get() > skipBacklog) {
            skipped.add(p / s);
        }
        recent.addLast(frame.metadata());
        recentIngest.addLast(frame.ingestNanos());
        if (recent.size() > n) {
            recent.removeFirst();
            recentIngest.removeFirst();
        }
        StreamFrame analysed = null;
        WindowEnd end = null;
        if (needed(p)) {
            backlog.incrementAndGet();
            analysed = new StreamFrame(frame, p);
        } else {
            frame.release();
            counters.increment(RunCounters.ANALYSIS_SKIPPED_FRAMES);
        }
        if (p + 1 >= n && (p + 1 - n) % s == 0) {
            long e = (p + 1 - n) / s;
            counters.increment(RunCounters.WINDOWS_EMITTED);
            if (skipped.remove(e)) {
                counters.increment(RunCounters.ANALYSIS_SKIPPED);
            } else {
                end = new WindowEnd(context(e), e * s, n, recentIngest.peekLast());
            }
        }
        return analysed == null && end == null ? null : new StreamStep(analysed, end);
    }

    /** Whether an analysed window contains position {@code p} (all windows containing it were decided by now). */
    private boolean needed(long p) {
        int s = layout.step();
        long last = p / s;
        long first = Math.max(0, Math.floorDiv(p - layout.window(), s) + 1);
        for (long e = first; e <= last; e++) {
            if (!skipped.contains(e)) {
                return true;
            }
        }
        return false;
    }

    private WindowContext context(long e) {
        FrameMetadata a = recent.peekFirst();
        FrameMetadata b = recent.peekLast();
        return new WindowContext(e, a.sequence(), b.sequence(), a.acquisitionTimeNs(), b.acquisitionTimeNs(),
                a.pixelSizeNm());
    }

    /** At the end of the stream: counts the frames after the last complete window. */
    void finish() {
        long seen = position;
        long trailing = seen < layout.window() ? seen : (seen - layout.window()) % layout.step();
        if (trailing > 0) {
            counters.add(RunCounters.WINDOWS_TRAILING_FRAMES, trailing);
        }
    }
}
