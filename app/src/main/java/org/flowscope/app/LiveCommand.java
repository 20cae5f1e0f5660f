package org.flowscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.app.live.LiveExtension;
import org.flowscope.app.live.LiveExtensions;
import org.flowscope.app.live.LiveSources;
import org.flowscope.app.live.ProgressPrinter;
import org.flowscope.app.live.RunJson;
import org.flowscope.app.live.SourceFactory;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.RunFolder;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.methods.drift.DriftLiveStage;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.simulators.camera.GroundTruthFiles;
import org.flowscope.simulators.camera.SimulatedCamera;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope live}: a source streams frames through windows and an operator chain into files, with a progress
 * line on stderr. Operators and stages come from the operations' providers ({@link LiveStage}), sources from
 * {@link LiveSources} and the source extensions ({@link LiveExtension}). Writes {@code result.tif}, {@code raw.tif} (with
 * {@code --save-raw}; from the simulator also its ground truth {@code raw_emitters.csv}, {@code raw_drift.csv},
 * {@code raw_truth_x<M>.tif}) and {@code run.json} into {@code --out}. Ctrl-C stops the source and keeps what was acquired.
 */
@Command(name = "live",
        mixinStandardHelpOptions = true,
        description = {"Run a live acquisition: source -> windows -> operator -> result.tif (+ raw.tif, run.json).",
                "sim keys: size=WxH, pattern, density, photons, background, pon, poff, psf, pixel, bits, offset, gain, "
                        + "readnoise, driftx, drifty, walk, seed, pacing=realtime|fast|virtual. "
                        + "replay:FILE replays a TIFF stack."})
public final class LiveCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    OutputFormatOption outputFormat;

    @Option(names = "--source", defaultValue = "sim", paramLabel = "SPEC",
            description = "Frame source, one of the schemes listed under Sources (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--fps", paramLabel = "N",
            description = "Frame rate: paces sim (default 100) and replay (default: the file's rate); 0 = as fast as possible.")
    Double fps;

    @Option(names = "--frames", paramLabel = "N",
            description = "Stop after N frames (sim default " + LiveSources.DEFAULT_SIM_FRAMES + "; replay: the whole file).")
    Long frames;

    @Option(names = "--window", paramLabel = "N", defaultValue = "100", description = "Frames per window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--step", paramLabel = "K", description = "Frames between window starts (default: = --window, tumbling).")
    Integer step;

    @Option(names = "--op", paramLabel = "NAME", defaultValue = "average", description = "Operator per window (default: ${DEFAULT-VALUE}).")
    String op;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--save-raw", description = "Also write every acquired frame to raw.tif.")
    boolean saveRaw;

    @Option(names = "--overwrite",
            description = "Replace result.tif, raw.tif and run.json of an earlier run in --out, or a killed run's partial files.")
    boolean overwrite;

    @Option(names = "--policy", paramLabel = "lag|skip",
            description = "Analysis backpressure: lag (process every window, fall behind) or skip (drop whole windows). Default: ${DEFAULT-VALUE}.")
    BackpressurePolicy policy = BackpressurePolicy.LAG;

    @Option(names = "--analysis", paramLabel = "stream|window", defaultValue = "stream",
            description = "stream: every stage sees each frame as it arrives and windows are made from per-frame work "
                    + "(each frame computed once, also for overlapping windows); window: stages see whole windows. "
                    + "Default: ${DEFAULT-VALUE}.")
    String analysis;

    @Option(names = "--lag-spool", paramLabel = "N", defaultValue = "4",
            description = "Windows that may wait for the analysis under lag before the source is slowed (default: ${DEFAULT-VALUE}).")
    int lagSpool;

    private final List<LiveStage> extensions;
    private final List<SourceFactory> sources = LiveSources.create();
    private final ImplementationRegistry registry;

    /** The operations' live stages from {@code registry}'s providers, plus the source extensions. */
    public LiveCommand(ImplementationRegistry registry) {
        this(LiveExtensions.create(registry), registry);
    }

    /** With the given stages (tests of the extension point). */
    LiveCommand(List<LiveStage> extensions, ImplementationRegistry registry) {
        this.extensions = List.copyOf(extensions);
        this.registry = registry;
    }

    /** "usage" lines of every source scheme: built-in ones, then the extensions'. */
    public List<String> sourceUsages() {
        List<String> all = new ArrayList<>(sources.stream().map(SourceFactory::usage).toList());
        sourceExtensions().forEach(e -> e.sources().forEach(f -> all.add(f.usage())));
        return all;
    }

    /** The stages whose options this command carries (added as mixins by {@link FlowscopeCli}). */
    public List<LiveStage> extensions() {
        return extensions;
    }

    private List<LiveExtension> sourceExtensions() {
        return extensions.stream().filter(LiveExtension.class::isInstance).map(LiveExtension.class::cast).toList();
    }

    @Override
    public Integer call() {
        if (window < 1) {
            throw new IllegalArgumentException("--window must be >= 1 frame, got " + window);
        }
        int stepFrames = step == null ? window : step;
        if (stepFrames < 1) {
            throw new IllegalArgumentException("--step must be >= 1 frame, got " + stepFrames);
        }
        if (lagSpool < 1) {
            throw new IllegalArgumentException("--lag-spool must be >= 1 window, got " + lagSpool);
        }
        BackpressurePolicy pol = policy;
        if (!analysis.equals("stream") && !analysis.equals("window")) {
            throw new IllegalArgumentException("--analysis must be stream or window, got '" + analysis + "'");
        }
        boolean streaming = analysis.equals("stream");
        Map<String, LiveStage> ops = LiveExtensions.operators(extensions);
        LiveStage opStage = ops.get(op);
        if (opStage == null) {
            throw new IllegalArgumentException("unknown --op '" + op + "': available are " + String.join(", ", ops.keySet()));
        }
        OutputFormat format = outputFormat.format();
        Instant started = Instant.now();
        List<SourceFactory> allSources = new ArrayList<>(sources);
        sourceExtensions().forEach(e -> allSources.addAll(e.sources()));
        // the folder is locked for the whole run: a second run into it is refused, never interleaved
        try (RunFolder folder = RunFolder.forNewRun(outDir, overwrite);
             FrameSource src = LiveSources.open(allSources, source, fps, frames);
             SharedEngine engine = new SharedEngine(engineOptions, registry, out.spec.commandLine().getErr())) {
            SourceFormat fmt = src.format();
            if (fmt.frameCount().isPresent() && window > fmt.frameCount().getAsLong()) {
                throw new IllegalArgumentException("--window " + window + " is larger than the source ("
                        + fmt.frameCount().getAsLong() + " frames)");
            }
            Path dir = folder.dir();
            LiveSetup setup = new LiveSetup(fmt, window, stepFrames, dir, engine::get, engineOptions.selection(), streaming);
            List<WindowOperator> stages = new ArrayList<>();
            List<ResultListener> listeners = new ArrayList<>();
            for (LiveStage.Position position : LiveStage.Position.values()) {
                for (LiveStage e : extensions) {
                    if (e.position() == position) {
                        stages.addAll(e.stagesBefore(setup));
                    }
                }
            }
            for (LiveStage e : extensions) {
                listeners.addAll(e.sideBranches(setup));
            }
            stages.add(opStage.operator(setup).orElseThrow(() ->
                    new IllegalStateException("live stage '" + op + "' offers --op but built no operator")));
            WindowOperator chain = WindowOperator.chain(stages);
            return run(src, fmt, chain, listeners, pol, stepFrames, folder, format, started, streaming);
        }
    }

    private int run(FrameSource src, SourceFormat fmt, WindowOperator chain, List<ResultListener> listeners,
                    BackpressurePolicy pol, int stepFrames, RunFolder folder, OutputFormat format, Instant started,
                    boolean streaming) {
        Path dir = folder.dir();
        RunJson json = new RunJson(started);
        json.inputs(source, fmt);
        json.parameters(parameters(stepFrames, chain));
        Path result = dir.resolve(format.fileName("result"));
        Path raw = dir.resolve(format.fileName("raw"));
        // a result's frame interval is the window step's duration; its pixel size follows from its size (eSRRF: / M)
        double intervalMs = fmt.framesPerSecond().isPresent() ? stepFrames * 1e3 / fmt.framesPerSecond().getAsDouble() : 0;
        TiffResultSink resultSink = new TiffResultSink(result, fmt, intervalMs,
                TiffWriteOptions.of(format).withNames("result", op));
        FrameSink rawSink = saveRaw ? new TiffFrameSink(raw, fmt, TiffWriteOptions.of(format).withNames("raw", "raw")) : null;
        folder.running(org.flowscope.app.CliOutput.toJson(json.content()));
        boolean terminal = System.console() != null;
        ProgressPrinter printer = new ProgressPrinter(out.spec.commandLine().getErr(), terminal, 2000);
        LivePipeline.Builder b = LivePipeline.builder(src)
                .window(WindowSpec.sliding(window, stepFrames))
                .operator(chain).policy(pol).lagSpool(lagSpool).streaming(streaming)
                .resultSink(resultSink)
                .progress(printer, terminal ? 250 : 1000);
        if (rawSink != null) {
            b.rawSink(rawSink);
        }
        listeners.forEach(b::listener);
        if (src instanceof RunContributor c) {
            b.contributor(c);
        }
        LivePipeline pipeline = b.build();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            pipeline.stop();
            try {
                if (!done.await(30, TimeUnit.SECONDS)) {
                    out.spec.commandLine().getErr().println("flowscope: the run did not end within 30 s of the stop;"
                            + " its partial files stay in " + dir + ": run 'flowscope recover " + dir + "' to save them");
                    out.spec.commandLine().getErr().flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flowscope-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try {
            RunSummary s;
            try {
                s = pipeline.run();
            } catch (RuntimeException e) {
                throw failedRun(e, src, json, dir, (System.nanoTime() - t0) / 1e6);
            }
            printer.finish(pipeline.progress());
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("result", result.toString());
            outputs.put("resultFrames", resultSink.framesWritten());
            outputs.put("raw", saveRaw ? raw.toString() : null);
            outputs.put("format", format.id());
            Path corrected = dir.resolve(DriftLiveStage.CORRECTED);
            if (Files.exists(corrected)) {
                outputs.put("rawCorrected", corrected.toString());
            }
            if (saveRaw && src instanceof SimulatedCamera cam) {
                // a simulated recording is only useful for accuracy checks together with its ground truth
                int m = chain.outputScale() > 1 ? (int) Math.round(chain.outputScale()) : 5;
                GroundTruthFiles.write(dir.resolve("raw.tif"), cam.truth(), m, 0).forEach((k, v) -> outputs.put("truth." + k, v.toString()));
            }
            outputs.put("runJson", dir.resolve("run.json").toString());
            json.outputs(outputs);
            json.summary(s);
            List<String> failures = failures(s);
            if (!failures.isEmpty()) {
                // the outputs are kept, but the run failed: run.json says so, as the exit code does
                json.failed(String.join("; ", failures), s.elapsedMs());
            }
            json.write(dir.resolve("run.json"));
            report(s, outputs, failures.isEmpty());
            for (LiveStage e : extensions) {
                e.warnings(s).forEach(w -> out.spec.commandLine().getErr().println("flowscope: warning: " + w));
            }
            failures.forEach(f -> out.spec.commandLine().getErr().println("flowscope: failed: " + f));
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for 'done', which is now counted down
            }
        }
    }

    /** Why stages and extensions fail a completed run (a finite camera run that lost frames, a side branch). */
    private List<String> failures(RunSummary s) {
        List<String> failures = new ArrayList<>();
        for (LiveStage e : extensions) {
            try {
                e.failure(s).ifPresent(failures::add);
            } catch (RuntimeException ex) {
                failures.add(e.name() + ": " + ex);
            }
        }
        return failures;
    }

    /**
     * What the source extensions know about a run that failed before it completed (a camera that lost so many
     * frames that no window filled); asked without a summary, so only the sources are asked, and one that cannot
     * answer is left out rather than hide the original error.
     */
    private List<String> sourceFailures() {
        List<String> failures = new ArrayList<>();
        for (LiveExtension e : sourceExtensions()) {
            try {
                e.failure(null).ifPresent(failures::add);
            } catch (RuntimeException ex) {
                // no verdict without a summary
            }
        }
        return failures;
    }

    /**
     * A run that failed: run.json says why, with the source's own section (what the camera delivered and lost) and
     * what extensions know (the camera's loss explains a run that produced no window).
     */
    private RuntimeException failedRun(RuntimeException e, FrameSource src, RunJson json, Path dir, double elapsedMs) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        List<String> reasons = sourceFailures();
        String all = reasons.isEmpty() ? error : error + "; " + String.join("; ", reasons);
        json.failed(all, elapsedMs);
        if (src instanceof RunContributor c) {
            try {
                json.content().put(c.section(), c.runJsonSection());
            } catch (RuntimeException ex) {
                e.addSuppressed(ex);
            }
        }
        json.write(dir.resolve("run.json"));
        if (reasons.isEmpty() || e instanceof IllegalArgumentException) {
            reasons.forEach(r -> out.spec.commandLine().getErr().println("flowscope: " + r));
            return e;
        }
        // the original error is the first part of the message already: kept as suppressed, not repeated as a cause
        IllegalStateException failed = new IllegalStateException(all);
        failed.addSuppressed(e);
        return failed;
    }

    private Map<String, Object> parameters(int stepFrames, WindowOperator chain) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("window", window);
        p.put("step", stepFrames);
        p.put("op", op);
        p.put("stages", chain.stages().stream().map(WindowOperator::name).toList());
        p.put("policy", policy.name().toLowerCase(java.util.Locale.ROOT));
        p.put("analysis", analysis);
        p.put("lagSpool", lagSpool);
        p.put("fps", fps);
        p.put("frames", frames);
        p.put("saveRaw", saveRaw);
        return p;
    }

    private void report(RunSummary s, Map<String, Object> outputs, boolean ok) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", ok ? "ok" : "failed");
        r.put("frames", s.frames());
        r.put("framesPerSecond", s.framesPerSecond());
        r.put("elapsedMs", s.elapsedMs());
        r.put("windowsProcessed", s.counter(RunCounters.ANALYSIS_PROCESSED));
        r.put("windowsSkipped", s.counter(RunCounters.ANALYSIS_SKIPPED));
        r.put("cameraLost", s.counter(RunCounters.CAMERA_LOST));
        r.put("counters", s.counters());
        r.putAll(outputs);
        StringBuilder human = new StringBuilder(String.format("live: %d frames in %.1f s (%.1f fps), %d window(s) analysed, %d skipped, %d lost by the camera",
                s.frames(), s.elapsedMs() / 1e3, s.framesPerSecond(), s.counter(RunCounters.ANALYSIS_PROCESSED),
                s.counter(RunCounters.ANALYSIS_SKIPPED), s.counter(RunCounters.CAMERA_LOST)));
        Map<String, Object> latency = s.timings().get("latency");
        if (latency != null && ((Number) latency.get("count")).longValue() > 0) {
            r.put("latencyP50Ms", latency.get("p50Ms"));
            r.put("latencyP99Ms", latency.get("p99Ms"));
            human.append(System.lineSeparator()).append(String.format(java.util.Locale.ROOT,
                    "latency p50 %.0f ms, p99 %.0f ms; ended %.2f s after the last frame (%s analysis)",
                    ((Number) latency.get("p50Ms")).doubleValue(), ((Number) latency.get("p99Ms")).doubleValue(),
                    s.endLagMs() / 1e3, s.analysis()));
        }
        r.put("endLagMs", s.endLagMs());
        human.append(System.lineSeparator()).append("counters: ").append(s.counters());
        human.append(System.lineSeparator()).append("wrote ").append(outputs.get("result"));
        if (outputs.get("raw") != null) {
            human.append(", ").append(outputs.get("raw"));
        }
        if (outputs.get("rawCorrected") != null) {
            human.append(", ").append(outputs.get("rawCorrected"));
        }
        human.append(", ").append(outputs.get("runJson"));
        out.result(r, human.toString());
    }
}
