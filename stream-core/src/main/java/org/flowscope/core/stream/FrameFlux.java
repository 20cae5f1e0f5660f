package org.flowscope.core.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.window.FrameWindow;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowSpec;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The Reactor operators of the frame path, behind one façade. All of them keep the pooled-frame ownership rule
 * ({@link Frame}): every frame reference that enters is released exactly once, whether the stream completes,
 * fails or is cancelled.
 */
public final class FrameFlux {
    private FrameFlux() {
    }

    /**
     * The raw branch: calls {@code sink} with every frame, in order, on the emitting thread, before passing it on,
     * and counts {@link RunCounters#RAW_FRAMES}. It never drops: a slow sink slows the stream (and so the producer).
     * <b>Backpressure:</b> passes requests through unchanged. <b>Cancel/error:</b> holds no frames; if the sink throws,
     * the frame is released and the stream fails.
     */
    public static Flux<Frame> tapRaw(Flux<Frame> frames, Consumer<Frame> sink, RunCounters counters) {
        return frames.handle((frame, out) -> {
            try {
                sink.accept(frame);
            } catch (RuntimeException e) {
                frame.release();
                out.error(e);
                return;
            }
            counters.increment(RunCounters.RAW_FRAMES);
            out.next(frame);
        });
    }

    /**
     * Groups frames into windows ({@link WindowSpec}: tumbling, sliding, time points). Takes ownership of each
     * frame; a window holds one reference per frame. <b>Backpressure:</b> requests frames as the windows need
     * them (a request for one window becomes {@code step} frames upstream via {@code handle}'s replenishing).
     * <b>Cancel/error:</b> frames held for the next windows are released; windows not yet delivered are released
     * by the {@code doOnDiscard} hook.
     */
    public static Flux<FrameWindow> windows(Flux<Frame> frames, WindowSpec spec, RunCounters counters) {
        return Flux.defer(() -> {
            WindowAssembler assembler = new WindowAssembler(spec, counters);
            Flux<FrameWindow> complete = frames.<FrameWindow>handle((frame, out) -> {
                FrameWindow w = assembler.push(frame);
                if (w != null) {
                    out.next(w);
                }
            }).doOnError(e -> assembler.releaseAll()).doOnCancel(assembler::releaseAll);
            Flux<FrameWindow> tail = Flux.defer(() -> {
                FrameWindow last = assembler.finish();
                return last == null ? Flux.empty() : Flux.just(last);
            });
            return complete.concatWith(tail);
        }).doOnDiscard(FrameWindow.class, FrameWindow::release).doOnDiscard(Frame.class, Frame::release);
    }

    /**
     * The analysis branch: runs {@code work} on each window with the given policy and counts
     * {@link RunCounters#ANALYSIS_PROCESSED} and {@link RunCounters#ANALYSIS_SKIPPED}. {@code work} owns the window
     * it is given and must release it (see {@link #releasing}).
     * <ul>
     *   <li>{@link BackpressurePolicy#LAG}: every window is processed in order; up to {@code lagSpool} windows wait
     *       in a queue, then demand stops and the producer is slowed.</li>
     *   <li>{@link BackpressurePolicy#SKIP}: upstream is requested without bound; a window that arrives while
     *       {@code work} is busy is released and counted as skipped. No window waits: the one processed next is
     *       the first to arrive after the analysis became free.</li>
     * </ul>
     * <b>Cancel/error:</b> queued windows are released by the discard hook.
     */
    public static <R> Flux<R> analyse(Flux<FrameWindow> windows, BackpressurePolicy policy, int lagSpool,
                                      Function<FrameWindow, Publisher<R>> work, RunCounters counters) {
        if (lagSpool < 1) {
            throw new IllegalArgumentException("lag spool must be >= 1 window, got " + lagSpool);
        }
        Flux<FrameWindow> in = policy == BackpressurePolicy.SKIP
                // the dropped window is also handed to the discard hook below, which releases it
                ? windows.onBackpressureDrop(w -> counters.increment(RunCounters.ANALYSIS_SKIPPED))
                : windows;
        int prefetch = policy == BackpressurePolicy.SKIP ? 0 : lagSpool;
        return in.concatMap(w -> Flux.from(work.apply(w)).doOnComplete(
                        () -> counters.increment(RunCounters.ANALYSIS_PROCESSED)), prefetch)
                .doOnDiscard(FrameWindow.class, FrameWindow::release);
    }

    /**
     * The frames of a streaming analysis, one {@link StreamStep} per frame that matters: the frame as a
     * {@link StreamFrame} (numbered from 0) and, on a window's last frame, the window's {@link WindowEnd} mark. Under
     * {@link BackpressurePolicy#SKIP} a window is skipped when, at its first frame, more than {@code skipBacklog}
     * frames wait for the analysis ({@code backlog}: incremented here for each frame emitted, decremented by the
     * analysis as it takes one); frames that only skipped windows contain are released at once and counted
     * ({@link RunCounters#ANALYSIS_SKIPPED_FRAMES}), skipped windows are counted ({@link RunCounters#ANALYSIS_SKIPPED})
     * and get no mark. Under {@link BackpressurePolicy#LAG} every window is analysed. <b>Backpressure:</b> passes
     * requests through ({@code handle}). <b>Cancel/error:</b> frames of undelivered steps are released by the
     * {@code doOnDiscard} hooks.
     */
    public static Flux<StreamStep> stream(Flux<Frame> frames, StreamLayout layout, BackpressurePolicy policy,
            AtomicLong backlog, long skipBacklog, RunCounters counters) {
        return Flux.defer(() -> {
            StreamAssembler assembler = new StreamAssembler(layout, policy, backlog, skipBacklog, counters);
            return frames.<StreamStep>handle((frame, out) -> {
                StreamStep step = assembler.push(frame);
                if (step != null) {
                    out.next(step);
                }
            }).doOnComplete(assembler::finish);
        }).doOnDiscard(StreamStep.class, StreamStep::release).doOnDiscard(Frame.class, Frame::release);
    }

    /** Wraps {@code work} so the window is released after it ran, whether it returned or threw. */
    public static <R> Function<FrameWindow, R> releasing(Function<FrameWindow, R> work) {
        return w -> {
            try {
                return work.apply(w);
            } finally {
                w.release();
            }
        };
    }
}
