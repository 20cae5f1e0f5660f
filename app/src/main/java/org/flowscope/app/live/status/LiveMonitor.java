package org.flowscope.app.live.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.flowscope.app.run.DecisionTally;
import org.flowscope.core.pipeline.Progress;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;

/**
 * Turns a live pipeline's progress into a {@link LiveSnapshot}: totals and an ETA for finite runs, rates smoothed over
 * the last {@value #RATE_WINDOW_S} s, losses split by kind, and why frames are not flowing (the source held back by
 * {@code --policy lag}, the source waiting for its next frame, a window running long on its implementation).
 * Called from the pipeline's progress thread; {@link #stopping()} from the shutdown hook.
 */
public final class LiveMonitor {
    static final double RATE_WINDOW_S = 5;
    /** A source held back or idle for longer than this is worth a word, ms. */
    static final double STALL_MS = 500;
    /** A window analysed for longer than this (and no result since) is named, ms. */
    static final double SLOW_WINDOW_MS = 2000;

    private record Sample(long nanos, long frames, long windowsFinished) {
    }

    private final SourceFormat format;
    private final int window;
    private final int step;
    private final BackpressurePolicy policy;
    private final SourceTap tap;
    private final DecisionTally decisions;
    private final Supplier<RunCounters> counters;
    private final List<RunContributor> contributors;
    private final String sourceName;
    private final long startNanos = System.nanoTime();
    private final ArrayDeque<Sample> recent = new ArrayDeque<>();
    private volatile boolean stopping;
    private volatile boolean done;
    private long lastFinished = -1;
    private long lastFinishedNanos = startNanos;

    /**
     * @param format       what the source delivers (its frame count makes a run finite)
     * @param window       frames per window
     * @param step         frames between window starts
     * @param policy       the analysis backpressure policy
     * @param tap          the watched source
     * @param decisions    the engine's choices
     * @param counters     the run's counters (available once the pipeline is built)
     * @param contributors the stages, side branches and source that publish values
     * @param sourceName   what to call the source in messages ("source", "client", "camera")
     */
    public LiveMonitor(SourceFormat format, int window, int step, BackpressurePolicy policy, SourceTap tap,
                       DecisionTally decisions, Supplier<RunCounters> counters, List<RunContributor> contributors,
                       String sourceName) {
        this.format = format;
        this.window = window;
        this.step = step;
        this.policy = policy;
        this.tap = tap;
        this.decisions = decisions;
        this.counters = counters;
        this.contributors = List.copyOf(contributors);
        this.sourceName = sourceName;
    }

    /** Ctrl-C was pressed: the source is being stopped. */
    public void stopping() {
        stopping = true;
    }

    /** The pipeline returned. */
    public void done() {
        done = true;
    }

    /** Windows formed from the frames acquired so far that are not analysed or skipped yet. */
    public long windowsLeft() {
        RunCounters c = counters.get();
        long formed = formed(c.get(RunCounters.INGEST_FRAMES));
        return Math.max(0, formed - c.get(RunCounters.ANALYSIS_PROCESSED) - c.get(RunCounters.ANALYSIS_SKIPPED));
    }

    private long formed(long frames) {
        return frames < window ? 0 : (frames - window) / step + 1;
    }

    /** The snapshot for the pipeline's latest progress. */
    public synchronized LiveSnapshot snapshot(Progress p) {
        long now = System.nanoTime();
        RunCounters c = counters.get();
        long frames = p.frames();
        long processed = c.get(RunCounters.ANALYSIS_PROCESSED);
        long skipped = c.get(RunCounters.ANALYSIS_SKIPPED);
        long finished = processed + skipped;
        if (finished != lastFinished) {
            lastFinished = finished;
            lastFinishedNanos = now;
        }
        recent.addLast(new Sample(now, frames, finished));
        while (recent.size() > 2 && (now - recent.peekFirst().nanos()) / 1e9 > RATE_WINDOW_S) {
            recent.removeFirst();
        }
        Sample oldest = recent.peekFirst();
        double span = (now - oldest.nanos()) / 1e9;
        double frameRate = span > 0.1 ? (frames - oldest.frames()) / span : p.framesPerSecond();
        double windowRate = span > 0.1 ? (finished - oldest.windowsFinished()) / span : 0;

        Long totalFrames = format.frameCount().isPresent() ? format.frameCount().getAsLong() : null;
        Long totalWindows = totalFrames == null ? null : formed(totalFrames);
        long windowsLeft = Math.max(0, formed(frames) - finished);
        LiveSnapshot.Phase phase = done ? LiveSnapshot.Phase.DONE : stopping ? LiveSnapshot.Phase.STOPPING
                : tap.ended() ? LiveSnapshot.Phase.FINISHING : frames == 0 ? LiveSnapshot.Phase.STARTING
                : LiveSnapshot.Phase.RUNNING;
        Map<String, Long> side = new LinkedHashMap<>();
        c.snapshot().forEach((k, v) -> {
            if (k.endsWith(".skipped") && !k.equals(RunCounters.ANALYSIS_SKIPPED) && v > 0) {
                side.put(k.substring(0, k.length() - ".skipped".length()), v);
            }
        });
        Map<String, Double> values = new LinkedHashMap<>();
        for (RunContributor rc : contributors) {
            try {
                values.putAll(rc.progressValues());
            } catch (RuntimeException e) {
                // a contributor's plot values are optional; its progress field already shows "?"
            }
        }
        double elapsed = (now - startNanos) / 1e9;
        // once the run is over, the rate of its last interval says nothing: show the whole run's
        double fps = phase == LiveSnapshot.Phase.DONE && elapsed > 0 ? frames / elapsed : p.framesPerSecond();
        return new LiveSnapshot(elapsed, phase, frames, totalFrames, fps, p.latencyMs(),
                processed, skipped, totalWindows, windowsLeft,
                eta(totalFrames, totalWindows, frames, finished, frameRate, windowRate, phase),
                c.get(RunCounters.CAMERA_LOST), side, why(phase, frames, windowsLeft, now, fps),
                p.fields(), values, decisions.latest());
    }

    private static Double eta(Long totalFrames, Long totalWindows, long frames, long finished, double frameRate,
                              double windowRate, LiveSnapshot.Phase phase) {
        if (totalFrames == null || phase == LiveSnapshot.Phase.DONE || phase == LiveSnapshot.Phase.STOPPING) {
            return null;
        }
        double t = 0;
        long framesLeft = Math.max(0, totalFrames - frames);
        if (framesLeft > 0) {
            if (frameRate <= 0) {
                return null;
            }
            t = framesLeft / frameRate;
        }
        long windowsLeft = Math.max(0, totalWindows - finished);
        if (windowsLeft > 0) {
            if (windowRate <= 0) {
                return framesLeft > 0 ? t : null;
            }
            t = Math.max(t, windowsLeft / windowRate);
        }
        return t;
    }

    private String why(LiveSnapshot.Phase phase, long frames, long windowsLeft, long now, double fps) {
        String analysis = slowWindow(windowsLeft, now);
        switch (phase) {
            case DONE:
                return null;
            case STOPPING:
                return "stopping: " + windowsLeft + " window(s) left" + (analysis == null ? "" : "; " + analysis);
            case FINISHING:
                return "the " + sourceName + " has ended: analysing the last " + windowsLeft + " window(s)"
                        + (analysis == null ? "" : "; " + analysis);
            default:
                break;
        }
        if (frames == 0) {
            return String.format(Locale.ROOT, "waiting for the %s's first frame (%.1f s)", sourceName, tap.waitingMs(now) / 1e3);
        }
        double held = tap.heldBackMs(now);
        double waiting = tap.waitingMs(now);
        if (fps < 0.5 && held > STALL_MS) {
            String cause = policy == BackpressurePolicy.LAG
                    ? String.format(Locale.ROOT, "%s throttled by --policy lag for %.1f s: the analysis is %d window(s) behind",
                            sourceName, held / 1e3, windowsLeft)
                    : String.format(Locale.ROOT, "%s held back for %.1f s: every frame buffer is in use (raw writing or "
                            + "analysis behind)", sourceName, held / 1e3);
            return analysis == null ? cause : cause + "; " + analysis;
        }
        if (fps < 0.5 && waiting > expectedGapMs()) {
            return String.format(Locale.ROOT, "%s waiting for its next frame (%.1f s)", sourceName, waiting / 1e3);
        }
        return analysis;
    }

    private double expectedGapMs() {
        return format.framesPerSecond().isPresent() && format.framesPerSecond().getAsDouble() > 0
                ? Math.max(STALL_MS, 3e3 / format.framesPerSecond().getAsDouble()) : STALL_MS;
    }

    /** "window 12 running for 4.1 s on esrrf.cpu@CPU (EXPLORE_UNTRIED)" when a window has taken long, else null. */
    private String slowWindow(long windowsLeft, long now) {
        double ms = (now - lastFinishedNanos) / 1e6;
        if (windowsLeft == 0 || ms < SLOW_WINDOW_MS) {
            return null;
        }
        List<DecisionTally.Latest> latest = new ArrayList<>(decisions.latest());
        latest.sort(Comparator.comparingLong(DecisionTally.Latest::sequence).reversed());
        String on = latest.isEmpty() ? "" : " on " + latest.get(0).candidate() + " (" + latest.get(0).operation() + ", "
                + shortReason(latest.get(0).reason()) + ")";
        return String.format(Locale.ROOT, "window %d running for %.1f s%s", lastFinished, ms / 1e3, on);
    }

    private static String shortReason(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
