package org.flowscope.methods.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.sink.ResultSink;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.PushSource;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;

/**
 * flowscope embedded in an application (a smart-microscope controller, a notebook kernel): frames in from the
 * application's own loop or from any {@link FrameSource}, windows of {@code window} frames every {@code step}, an
 * operator chain picked by name with command-line style options, results to a callback.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create(EngineConfig.inMemory());
 *      LiveRun run = LiveRun.builder(engine).push(512, 512, PixelType.U16)
 *              .window(100, 10).stage("drift", "--drift").operator("esrrf", "--magnification", "4")
 *              .onResult((image, window) -> show(image)).start()) {
 *     for (short[] frame : camera) {
 *         run.push(frame);
 *     }
 *     RunSummary summary = run.finish();
 * }
 * }</pre>
 *
 * <p>The engine is the application's (build it once, close it at exit; {@code EngineConfig.inMemory()} keeps no
 * history on disk, {@code EngineConfig.defaults()} shares the command line's history in {@code ~/.flowscope}). Logging
 * goes through SLF4J: the application chooses the binding and its configuration.
 */
public final class LiveRun implements AutoCloseable {
    private final PushSource push;
    private final FrameSource source;
    private final CompletableFuture<RunSummary> done;
    private final LivePipeline pipeline;

    private LiveRun(FrameSource source, PushSource push, LivePipeline pipeline) {
        this.source = source;
        this.push = push;
        this.pipeline = pipeline;
        this.done = CompletableFuture.supplyAsync(pipeline::run, r -> {
            Thread t = new Thread(r, "flowscope-live-run");
            t.setDaemon(true);
            t.start();
        });
    }

    /** A run whose operators execute on {@code engine} (not closed by the run). */
    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** Pushes one 16-bit frame (unsigned values); blocks while the pipeline applies backpressure. */
    public void push(short[] pixels) throws InterruptedException {
        pushSource().push(new PixelData.U16(pixels));
    }

    /** Pushes one 8-bit frame (unsigned values). */
    public void push(byte[] pixels) throws InterruptedException {
        pushSource().push(new PixelData.U8(pixels));
    }

    /** Pushes one float frame. */
    public void push(float[] pixels) throws InterruptedException {
        pushSource().push(new PixelData.F32(pixels));
    }

    /** Ends the input (push sources) and waits for the last windows; the summary counts frames, windows and drops. */
    public RunSummary finish() throws InterruptedException, ExecutionException {
        if (push != null) {
            push.end();
        }
        return done.get();
    }

    /** Stops early: the source stops and the pipeline finishes what it holds. */
    public void stop() {
        pipeline.stop();
    }

    @Override
    public void close() throws Exception {
        if (!done.isDone()) {
            stop();
        }
        try {
            done.get();
        } finally {
            source.close();
        }
    }

    private PushSource pushSource() {
        if (push == null) {
            throw new IllegalStateException("this run reads its own source; push() is for runs built with push(...)");
        }
        return push;
    }

    /** How a run is put together; window and step are given once, here. */
    public static final class Builder {
        private final Engine engine;
        private final Stages stages;
        private FrameSource source;
        private PushSource push;
        private int window = 100;
        private int step = 100;
        private final List<String[]> before = new ArrayList<>();
        private String operatorName;
        private String[] operatorArgs = new String[0];
        private WindowOperator operator;
        private final List<BiConsumer<ImageStack, WindowContext>> callbacks = new ArrayList<>();
        private Path directory;
        private RunOptions selection = RunOptions.auto();

        private Builder(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.stages = new Stages(engine.registry());
        }

        /** Frames come from the application's {@link LiveRun#push} calls. */
        public Builder push(int width, int height, PixelType type) {
            this.push = new PushSource(width, height, type, OptionalDouble.empty());
            this.source = push;
            return this;
        }

        /** Frames come from {@code source} (a camera adapter, a simulator, a file replay). */
        public Builder source(FrameSource source) {
            this.source = Objects.requireNonNull(source, "source");
            this.push = null;
            return this;
        }

        /** Windows of {@code frames} frames, tumbling. */
        public Builder window(int frames) {
            return window(frames, frames);
        }

        /** Windows of {@code frames} frames starting every {@code step} frames. */
        public Builder window(int frames, int step) {
            WindowSpec.sliding(frames, step);
            this.window = frames;
            this.step = step;
            return this;
        }

        /** A stage before the operator, by its {@code live} name, enabled and configured by {@code live}-style options. */
        public Builder stage(String name, String... options) {
            before.add(concat(name, options));
            return this;
        }

        /** The operator by its {@code live --op} name, with {@code live}-style options ("--magnification", "4"). */
        public Builder operator(String name, String... options) {
            this.operatorName = Objects.requireNonNull(name, "name");
            this.operatorArgs = options.clone();
            this.operator = null;
            return this;
        }

        /** An operator of the application's own. */
        public Builder operator(WindowOperator operator) {
            this.operator = Objects.requireNonNull(operator, "operator");
            this.operatorName = null;
            return this;
        }

        /** Restricts the engine's choice for every operation of the run (e.g. {@code RunOptions.deviceKind(CPU)}). */
        public Builder selection(RunOptions selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** Where stages may write files of their own (default: a new temporary directory). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Called with every result, in window order, on the thread that writes results (the analysis thread, or the
         * result writer of a frame-by-frame analysis): keep it short, a slow callback slows the analysis; an exception
         * it throws ends the run as a failure.
         */
        public Builder onResult(BiConsumer<ImageStack, WindowContext> callback) {
            callbacks.add(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /** Starts the run on its own thread. */
        public LiveRun start() throws java.io.IOException {
            if (source == null) {
                throw new IllegalStateException("a run needs a source: call push(...) or source(...)");
            }
            if (operator == null && operatorName == null) {
                throw new IllegalStateException("a run needs an operator: call operator(...)");
            }
            Path dir = directory != null ? directory : Files.createTempDirectory("flowscope-run");
            var setup = new org.flowscope.methods.spi.LiveSetup(source.format(), window, step, dir, () -> engine, selection, true);
            List<WindowOperator> chain = new ArrayList<>();
            for (String[] s : before) {
                chain.addAll(stages.before(s[0], java.util.Arrays.copyOfRange(s, 1, s.length), setup));
            }
            chain.add(operator != null ? operator : stages.operator(operatorName, operatorArgs, setup));
            LivePipeline.Builder b = LivePipeline.builder(source).window(WindowSpec.sliding(window, step))
                    .operator(WindowOperator.chain(chain)).resultSink(new CallbackSink(List.copyOf(callbacks)));
            return new LiveRun(source, push, b.build());
        }

        private static String[] concat(String first, String[] rest) {
            String[] all = new String[rest.length + 1];
            all[0] = first;
            System.arraycopy(rest, 0, all, 1, rest.length);
            return all;
        }
    }

    /**
     * Results go to the callbacks, every one (a side branch would be latest-wins and could skip results that arrive
     * close together, as the last windows of a frame-by-frame analysis do); nothing is written.
     */
    private record CallbackSink(List<BiConsumer<ImageStack, WindowContext>> callbacks) implements ResultSink {
        @Override
        public void write(ImageStack result, WindowContext context) {
            for (BiConsumer<ImageStack, WindowContext> c : callbacks) {
                c.accept(result, context);
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void abort() {
        }
    }
}
