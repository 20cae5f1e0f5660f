package org.flowscope.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.app.live.InterruptKeys;
import org.flowscope.app.live.LiveExtension;
import org.flowscope.app.live.LiveEnding;
import org.flowscope.app.live.LiveExtensions;
import org.flowscope.app.live.LiveSources;
import org.flowscope.app.live.LiveView;
import org.flowscope.app.live.SourceFactory;
import org.flowscope.app.live.status.LiveMonitor;
import org.flowscope.app.live.status.LiveStatusLine;
import org.flowscope.app.live.status.SourceTap;
import org.flowscope.app.preview.LivePreview;
import org.flowscope.app.preview.PreviewOptions;
import org.flowscope.app.progress.TerminalLine;
import org.flowscope.app.report.RunFolderReport;
import org.flowscope.app.run.DecisionTally;
import org.flowscope.app.run.RunRecorder;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.app.output.OutputSinks;
import org.flowscope.app.output.RunFolder;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.sink.FileResultSink;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.registry.ImplementationRegistry;
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
                        + "readnoise, driftx, drifty, walk, seed, pacing=realtime|fast|virtual, threads (render threads). "
                        + "replay:FILE replays a TIFF stack."})
public final class LiveCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    PreviewOptions previewOptions;

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
    private boolean ownsInterruptKeys;

    /** Set by the CLI's main: Ctrl-C stops the source, a second Ctrl-C abandons the analysis. */
    void ownInterruptKeys() {
        ownsInterruptKeys = true;
    }

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
        streaming(); // checks --analysis before anything opens
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
             LivePreview preview = LivePreview.start(previewOptions).orElse(null);
             FrameSource src = LiveSources.open(allSources, source, fps, frames);
             SharedEngine engine = new SharedEngine(engineOptions, registry, out.spec.commandLine().getErr())) {
            SourceFormat fmt = src.format();
            if (fmt.frameCount().isPresent() && window > fmt.frameCount().getAsLong()) {
                throw new IllegalArgumentException("--window " + window + " is larger than the source ("
                        + fmt.frameCount().getAsLong() + " frames)");
            }
            Path dir = folder.dir();
            LiveSetup setup = new LiveSetup(fmt, window, stepFrames, dir, engine::get, engineOptions.selection(),
                    streaming());
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
            return run(src, fmt, chain, listeners, pol, stepFrames, folder, format, started, engine,
                    Optional.ofNullable(preview));
        }
    }

    private int run(FrameSource src, SourceFormat fmt, WindowOperator chain, List<ResultListener> listeners,
                    BackpressurePolicy pol, int stepFrames, RunFolder folder, OutputFormat format, Instant started,
                    SharedEngine engine, Optional<LivePreview> preview) {
        Path dir = folder.dir();
        RunRecorder json = new RunRecorder(started, out.spec.commandLine().getParseResult().originalArgs());
        json.inputs(source, fmt);
        json.parameters(parameters(stepFrames, chain, preview));
        DecisionTally decisions = new DecisionTally();
        engine.onDecision(decisions);
        json.decisions(decisions);
        Path result = dir.resolve(format.fileName("result"));
        Path raw = dir.resolve(format.fileName("raw"));
        Path runJson = dir.resolve(RunReportFile.NAME);
        // a result's frame interval is the window step's duration; its pixel size follows from its size (eSRRF: / M)
        double intervalMs = fmt.framesPerSecond().isPresent() ? stepFrames * 1e3 / fmt.framesPerSecond().getAsDouble() : 0;
        FileResultSink resultSink = OutputSinks.result(result, format, fmt, intervalMs, op);
        FrameSink rawSink = saveRaw ? OutputSinks.raw(raw, format, fmt) : null;
        folder.running(RunReportFile.toJson(json.running()));
        SourceTap tap = new SourceTap(src, preview.map(LivePreview::rawFrames).orElse(null), LivePreview.RAW_EVERY_MS);
        preview.ifPresent(p -> listeners.add(p.listener()));
        AtomicReference<LivePipeline> built = new AtomicReference<>();
        LiveView view = new LiveView(new LiveMonitor(fmt, window, stepFrames, pol, tap, decisions,
                () -> built.get().counters(), contributors(src, chain, listeners), sourceName()),
                new LiveStatusLine(new TerminalLine(out.spec.commandLine().getErr(), TerminalLine.modeFor(false, false), 2000)),
                preview);
        preview.ifPresent(p -> out.spec.commandLine().getErr().println("flowscope: live preview at " + p.url()));
        LivePipeline.Builder b = LivePipeline.builder(tap)
                .window(WindowSpec.sliding(window, stepFrames))
                .operator(chain).policy(pol).lagSpool(lagSpool).streaming(streaming())
                .resultSink(resultSink)
                .progress(view, 250);
        if (rawSink != null) {
            b.rawSink(rawSink);
        }
        listeners.forEach(b::listener);
        if (src instanceof RunContributor c) {
            b.contributor(c);
        }
        b.contributor(engine);
        LivePipeline pipeline = b.build();
        built.set(pipeline);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            view.stopping();
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
        // Ctrl-C: first stop the source, then abandon the analysis; the hook above still serves SIGTERM
        InterruptKeys keys = new InterruptKeys(() -> {
            view.stopping();
            pipeline.stop();
        }, () -> {
            view.abandoning();
            pipeline.abandonAnalysis();
        });
        if (ownsInterruptKeys) {
            keys.install();
        }
        LiveEnding ending = new LiveEnding(extensions, sourceExtensions(), out);
        long t0 = System.nanoTime();
        try {
            RunSummary s;
            try {
                s = pipeline.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                String work = "live --op " + op + " on " + fmt.width() + "x" + fmt.height() + " " + fmt.pixelType()
                        + " frames, windows of " + window + " frames every " + stepFrames;
                throw ending.failedRun(OutOfMemoryFailure.explain(e, work), src, json, dir,
                        (System.nanoTime() - t0) / 1e6);
            }
            view.finish(pipeline.progress());
            Map<String, String> truth = new LinkedHashMap<>();
            if (saveRaw && src instanceof SimulatedCamera cam) {
                // a simulated recording is only useful for accuracy checks together with its ground truth
                int m = chain.outputScale() > 1 ? (int) Math.round(chain.outputScale()) : 5;
                GroundTruthFiles.write(dir.resolve("raw.tif"), cam.truth(), m, 0).forEach((k, v) -> truth.put(k, v.toString()));
            }
            RunReport.Outputs outputs = new RunReport.Outputs(result.toString(), resultSink.framesWritten(),
                    saveRaw ? raw.toString() : null, truth, runJson.toString(),
                    dir.resolve(RunFolderReport.NAME).toString(), format.id());
            // the outputs are kept when stages fail a completed run: run.json says it failed, as the exit code does
            List<String> failures = ending.failures(s);
            RunReportFile.write(runJson, json.completed(s, outputs, failures));
            if (!ending.writeReport(dir)) {
                outputs = new RunReport.Outputs(outputs.result(), outputs.resultFrames(), outputs.raw(), outputs.truth(),
                        outputs.runJson(), null, outputs.format());
                RunReportFile.write(runJson, json.completed(s, outputs, failures));
            }
            ending.report(s, outputs, failures.isEmpty());
            for (LiveStage e : extensions) {
                e.warnings(s).forEach(w -> out.spec.commandLine().getErr().println("flowscope: warning: " + w));
            }
            failures.forEach(f -> out.spec.commandLine().getErr().println("flowscope: failed: " + f));
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
        } finally {
            keys.close();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for 'done', which is now counted down
            }
        }
    }

    private RunReport.LiveParameters parameters(int stepFrames, WindowOperator chain, Optional<LivePreview> preview) {
        return new RunReport.LiveParameters(window, stepFrames, op, chain.stages().stream().map(WindowOperator::name).toList(),
                policy.name().toLowerCase(java.util.Locale.ROOT), lagSpool, fps, frames, saveRaw,
                preview.map(p -> p.url().toString().replaceAll("token=[^&]*", "token=...")).orElse(null));
    }

    /** Everything that publishes values for the status line and the preview's plots. */
    private static List<RunContributor> contributors(FrameSource src, WindowOperator chain, List<ResultListener> listeners) {
        List<RunContributor> all = new ArrayList<>();
        chain.stages().stream().filter(RunContributor.class::isInstance).map(RunContributor.class::cast).forEach(all::add);
        all.addAll(listeners);
        if (src instanceof RunContributor c) {
            all.add(c);
        }
        return all;
    }

    /** Whether stages see frames as they arrive ({@code --analysis stream}) rather than whole windows. */
    private boolean streaming() {
        if (!analysis.equals("stream") && !analysis.equals("window")) {
            throw new IllegalArgumentException("--analysis must be stream or window, got '" + analysis + "'");
        }
        return analysis.equals("stream");
    }

    /** What the source is called in "why is nothing coming" messages. */
    private String sourceName() {
        String scheme = source.contains(":") ? source.substring(0, source.indexOf(':')) : source;
        return switch (scheme) {
            case "serve" -> "client";
            case "sim", "mm" -> "camera";
            default -> "source";
        };
    }

}
