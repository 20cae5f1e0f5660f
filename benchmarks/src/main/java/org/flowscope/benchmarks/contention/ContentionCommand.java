package org.flowscope.benchmarks.contention;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.engine.Operations;
import org.flowscope.app.engine.SizeSpec;
import org.flowscope.benchmarks.cli.ResultFiles;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.simulators.load.LoadTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope-bench contention}: the delay-management experiment, engine on versus off versus the oracle under
 * device load.
 */
@Command(name = "contention",
        mixinStandardHelpOptions = true,
        description = {"Run the same call sequence with the engine's agent on and off (fixed to the initially fastest",
                "candidate) while a separate load-generator process occupies the device during the --contend calls,",
                "then forced to each other candidate: the oracle is the per-call faster candidate under that schedule.",
                "Writes calls.csv (per-call times and choices), plot.png and summary.json under --out."})
public final class ContentionCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Option(names = "--op", defaultValue = "conv2d", description = "Operation id (default ${DEFAULT-VALUE}).")
    String op;

    @Option(names = "--size", defaultValue = "1024", paramLabel = "WxH", description = "Image size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--kernel", defaultValue = "9", paramLabel = "K", description = "Kernel side (default ${DEFAULT-VALUE}).")
    int kernel;

    @Option(names = "--frames", defaultValue = "1", description = "Frames per call (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--runs", defaultValue = "400", description = "Calls per mode (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--contend", defaultValue = "101-200", paramLabel = "A-B",
            description = "Calls during which the device is loaded (default ${DEFAULT-VALUE}).")
    String contend;

    @Option(names = "--backend-pair", split = ",", paramLabel = "A,B",
            description = "The candidates to compete: backends (cpu, cpu-threaded, opencl, cuda) or implementation ids, "
                    + "each optionally @device-text, e.g. cuda,cpu-threaded or opencl@nvidia,cuda. Default: all available.")
    List<String> pair = new ArrayList<>();

    @Option(names = "--warmup-runs", defaultValue = "5", description = "Recorded warm-up runs per candidate (default ${DEFAULT-VALUE}).")
    int warmupRuns;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default contention-<op>).")
    Path outDir;

    @Option(names = "--input-seed", defaultValue = "42", description = "Input seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--load-target", paramLabel = "cpu|opencl|cuda",
            description = "Device the load generator occupies; default: that of the initially fastest candidate.")
    String loadTarget;

    @Option(names = "--load-contexts", defaultValue = "4", description = "GPU contexts of the load generator (default ${DEFAULT-VALUE}).")
    int loadContexts;

    @Option(names = "--load-memory-fraction", defaultValue = "0.7",
            description = "Fraction of free GPU memory the load holds (default ${DEFAULT-VALUE}).")
    double loadMemory;

    @Option(names = "--load-launch-ms", defaultValue = "20", description = "Duration of one load kernel (default ${DEFAULT-VALUE}).")
    double loadLaunchMs;

    @Option(names = "--load-copy-mb", defaultValue = "256",
            description = "Host<->GPU copies per load context and loop, in MB (CUDA load; default ${DEFAULT-VALUE}).")
    int loadCopyMb;

    @Option(names = "--load-threads", defaultValue = "0", description = "CPU load threads; 0 = all cores (default).")
    int loadThreads;

    @Option(names = "--load-device", defaultValue = "", description = "Substring of the GPU name to load (default: first GPU).")
    String loadDevice;

    @Option(names = "--replot", paramLabel = "DIR",
            description = "Only draw DIR/plot.png from DIR/calls.csv and DIR/summary.json of an earlier run "
                    + "(for runtimes without java.desktop, such as the GPU bundle).")
    Path replot;

    @Override
    public Integer call() {
        if (replot != null) {
            return replot();
        }
        int[] wh = SizeSpec.parse(size);
        int[] range = SizeSpec.range(contend, "--contend");
        ContentionExperiment.Settings settings = new ContentionExperiment.Settings(runs, range[0], range[1], warmupRuns, loadArgs());
        List<CandidateSelector> selectors = pair.stream().map(CandidateSelector::parse).toList();
        if (!selectors.isEmpty() && selectors.size() != 2) {
            throw new IllegalArgumentException("--backend-pair needs exactly two candidates, got " + pair);
        }
        Operations.Benchmarkable<Object, Object, Object> b = Operations.benchmarkable(op);
        BenchmarkInputs.Case<Object, Object> work = b.inputs().benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], frames, kernel), seed);
        Path dir = outDir != null ? outDir : Path.of("contention-" + op);
        ContentionExperiment.Result result;
        // open only the backends the pair needs: fewer native libraries in the process under test
        boolean openCl = selectors.isEmpty() || selectors.stream().anyMatch(sel -> sel.needs(Backend.OPENCL));
        boolean cuda = selectors.isEmpty() || selectors.stream().anyMatch(sel -> sel.needs(Backend.CUDA));
        try (DeviceSet devices = DeviceDiscovery.discover(Runtime.getRuntime().availableProcessors(), openCl, cuda)) {
            result = new ContentionExperiment<>(b.operation(), work, settings, dir, out::info).run(devices, selectors);
        }
        ContentionReport report = result.report();
        report.writeCsv(dir.resolve("calls.csv"));
        String plot = tryPlot(report, dir.resolve("plot.png"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("operation", op);
        r.put("work", work.label());
        r.put("candidates", result.candidates());
        r.put("load", result.load());
        r.putAll(report.summary());
        r.put("csv", dir.resolve("calls.csv").toString());
        r.put("plot", plot);
        ResultFiles.writeJson(dir.resolve("summary.json"), r);
        out.result(r, report.text() + System.lineSeparator() + "  load: " + result.load() + System.lineSeparator()
                + "  wrote " + dir.resolve("calls.csv") + ", " + dir.resolve("summary.json") + ", plot: " + plot);
        return ExitCodes.OK;
    }

    /** The plot's path, or why it was skipped: the GPU bundle's trimmed runtime has no java.desktop. */
    private static String tryPlot(ContentionReport report, Path png) {
        try {
            report.writePng(png);
            return png.toString();
        } catch (LinkageError | RuntimeException e) {
            return "skipped (" + e + "); draw it with: flowscope-bench contention --replot " + png.getParent();
        }
    }

    private Integer replot() {
        com.fasterxml.jackson.databind.JsonNode s;
        try {
            s = CliOutput.mapper().readTree(replot.resolve("summary.json").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + replot.resolve("summary.json") + ": " + e.getMessage());
        }
        ContentionReport report = ContentionReport.readCsv(replot.resolve("calls.csv"), s.path("initialChoice").asText(),
                s.path("contendFrom").asInt(), s.path("contendTo").asInt());
        report.writePng(replot.resolve("plot.png"));
        Map<String, Object> r = new LinkedHashMap<>(report.summary());
        r.put("plot", replot.resolve("plot.png").toString());
        out.result(r, report.text() + System.lineSeparator() + "  wrote " + replot.resolve("plot.png"));
        return ExitCodes.OK;
    }

    /** Load-generator options; the target comes first when given, else the experiment derives it. */
    private List<String> loadArgs() {
        List<String> a = new ArrayList<>();
        if (loadTarget != null) {
            a.addAll(List.of("--target", LoadTarget.parse(loadTarget).name().toLowerCase(java.util.Locale.ROOT)));
        }
        a.addAll(List.of("--contexts", Integer.toString(loadContexts), "--memory-fraction", Double.toString(loadMemory),
                "--launch-ms", Double.toString(loadLaunchMs), "--copy-mb", Integer.toString(loadCopyMb)));
        if (loadThreads > 0) {
            a.addAll(List.of("--threads", Integer.toString(loadThreads)));
        }
        if (!loadDevice.isEmpty()) {
            a.addAll(List.of("--device", loadDevice));
        }
        return a;
    }
}
