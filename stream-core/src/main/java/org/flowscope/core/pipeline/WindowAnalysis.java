package org.flowscope.core.pipeline;

import java.util.List;
import java.util.function.Function;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.FrameFlux;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.stream.StageStats;
import org.flowscope.core.window.FrameWindow;
import org.flowscope.core.window.WindowSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The whole-window form of a {@link LivePipeline}'s analysis branch: frames are assembled into windows, each window
 * goes through every stage of the operator on the analysis thread, and its result is written through the run's
 * {@link ResultGate} and handed to the side branches.
 *
 * <p>Timings: window assembly under {@code window}, each stage under its name, the write under {@code result}.
 */
final class WindowAnalysis {
    private final WindowOperator operator;
    private final ResultGate results;
    private final RunCounters counters;
    private final Function<String, StageStats> timings;
    private final StageStats latency;
    private final List<ListenerBranch> branches;
    /** Windows being computed (0 or 1: the analysis runs on one thread). */
    private volatile int inFlight;

    WindowAnalysis(WindowOperator operator, ResultGate results, RunCounters counters,
            Function<String, StageStats> timings, StageStats latency, List<ListenerBranch> branches) {
        this.operator = operator;
        this.results = results;
        this.counters = counters;
        this.timings = timings;
        this.latency = latency;
        this.branches = branches;
    }

    /** The analysis of {@code frames}: one element per window analysed (or skipped), then completion or the failure. */
    Flux<WindowContext> analyse(Flux<Frame> frames, WindowSpec spec, Scheduler analysis, BackpressurePolicy policy,
            int lagSpool) {
        Flux<FrameWindow> windows = FrameFlux.windows(frames, spec, counters);
        return FrameFlux.analyse(windows, policy, lagSpool,
                w -> Mono.fromCallable(() -> process(w)).subscribeOn(analysis), counters);
    }

    /** Whether a window is being computed (after an abandon: the operator is still in use). */
    boolean busy() {
        return inFlight > 0;
    }

    private WindowContext process(FrameWindow w) {
        inFlight++;
        try {
            return processWindow(w);
        } catch (VirtualMachineError | LinkageError fatal) {
            // Reactor rethrows these on the scheduler's thread instead of signalling them, which would leave the run
            // waiting for ever: they end it as a failure that names the error
            throw new IllegalStateException("analysis of window " + w.context().index() + " failed: " + fatal, fatal);
        } finally {
            inFlight--;
        }
    }

    private WindowContext processWindow(FrameWindow w) {
        WindowContext ctx = w.context();
        long lastIngest = w.last().ingestNanos();
        ImageStack stack;
        long s = System.nanoTime();
        try {
            stack = w.toImageStack();
        } finally {
            w.release();
        }
        timings.apply("window").record(System.nanoTime() - s);
        for (WindowOperator op : operator.stages()) {
            s = System.nanoTime();
            stack = op.apply(stack, ctx);
            timings.apply(op.name()).record(System.nanoTime() - s);
        }
        s = System.nanoTime();
        if (!results.offer(stack, ctx)) {
            return ctx; // the run already ended (failed or abandoned): nothing more is written
        }
        timings.apply("result").record(System.nanoTime() - s);
        counters.add(RunCounters.RESULT_FRAMES, stack.frames());
        latency.record(System.nanoTime() - lastIngest);
        for (ListenerBranch br : branches) {
            br.offer(stack, ctx);
        }
        return ctx;
    }
}
