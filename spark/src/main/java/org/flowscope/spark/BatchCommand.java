package org.flowscope.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.methods.esrrf.EsrrfOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope batch}: many recorded acquisitions through eSRRF on Apache Spark, each split into time blocks that
 * run as tasks, each executor on its own engine; one output folder per input (result, {@code run.json}), a summary
 * ({@code batch.json}, {@code batch.html}); complete outputs are skipped on a re-run.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Reconstructs many recorded acquisitions on Apache Spark (local[*], a standalone cluster, YARN).",
                "Each input gets a folder under --out named after it (result.tif, run.json); batch.json and batch.html "
                        + "list every acquisition with how it ended. A re-run skips complete outputs; a failed "
                        + "acquisition is recorded with its error and does not stop the others."})
public final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CliOutput out;

    @Option(names = "--inputs", required = true, paramLabel = "GLOB|LIST.txt",
            description = "The recordings: a glob ('data/*.tif', 'runs/**/*.ome.tif'; quote it) or a text file with one "
                    + "path per line (relative to the list's folder; # comments). TIFF, OME-TIFF, OME-Zarr, NDTiff.")
    String inputs;

    @Option(names = "--op", required = true, paramLabel = "esrrf", description = "The operation: esrrf (with the options "
            + "of process esrrf).")
    String op;

    @Mixin
    EsrrfOptions esrrf = new EsrrfOptions();

    @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
            description = "Frames per output frame, as process esrrf; 0 (default) makes one frame of each whole "
                    + "acquisition (one task per acquisition).")
    int framesPerTimePoint;

    @Option(names = "--time-points-per-task", paramLabel = "K", defaultValue = "1",
            description = "Output frames (time points) per Spark task (default: ${DEFAULT-VALUE}).")
    int timePointsPerTask;

    @Option(names = "--drift", description = "Not yet in batch (live --drift, process drift-estimate/drift-apply).")
    boolean drift;

    @Option(names = "--quality", description = "Not yet in batch (live --quality, process frc/decorr).")
    boolean quality;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path outDir;

    @Option(names = "--format", paramLabel = "imagej-tiff|ome-tiff|ome-zarr", defaultValue = "imagej-tiff",
            description = "Format of each result: result.tif, result.ome.tif or result.ome.zarr (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--master", paramLabel = "local[*]|spark://HOST:7077|yarn",
            description = "Spark master; default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), e.g. "
            + "spark.executor.memory=8g or spark.task.maxFailures=4.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "auto|cpu|opencl|cuda", defaultValue = "auto",
            description = "Kind of device each executor may use; auto (default) lets each executor's engine choose.")
    String backend;

    @Option(names = "--implementation", paramLabel = "ID", description = "Run exactly this implementation everywhere "
            + "(esrrf.cpu: the single-threaded reference).")
    String implementation;

    @Option(names = "--device", paramLabel = "TEXT", description = "Only devices whose model name contains TEXT.")
    String device;

    @Option(names = "--store", paramLabel = "DIR", description = "Engine history folder on every executor's machine "
            + "(default: ~/.flowscope/engine).")
    String store;

    @Option(names = "--no-history", description = "Executors keep run times in memory only.")
    boolean noHistory;

    @Option(names = "--no-opencl", description = "Do not use OpenCL devices.")
    boolean noOpenCl;

    @Option(names = "--no-cuda", description = "Do not use CUDA devices.")
    boolean noCuda;

    private final JavaSparkContext given;

    /** A command that starts its own Spark context from {@code --master}/{@code --conf} and stops it at the end. */
    public BatchCommand() {
        this(null);
    }

    /** A command that runs on {@code context} (a test's, an application's) and leaves it running; null: its own. */
    public BatchCommand(JavaSparkContext context) {
        this.given = context;
    }

    @Override
    public Integer call() {
        if (!"esrrf".equals(op.toLowerCase(Locale.ROOT))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--op " + op
                    + " is not available in batch: it runs esrrf so far");
        }
        if (drift || quality) {
            throw new CommandLine.ParameterException(spec.commandLine(), (drift ? "--drift" : "--quality")
                    + " is not available in batch yet: run process drift-estimate/drift-apply (or frc/decorr) per file");
        }
        if (timePointsPerTask < 1) {
            throw new IllegalArgumentException("--time-points-per-task must be >= 1, got " + timePointsPerTask);
        }
        EsrrfSettings settings = EsrrfSettings.of(esrrf.params(framesPerTimePoint));
        EngineSettings engine = new EngineSettings(deviceKind(), implementation, device, store, noHistory, noOpenCl, noCuda);
        List<BatchInputs.Acquisition> acquisitions = BatchInputs.expand(inputs);
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        BatchRunner.Spec run = new BatchRunner.Spec(acquisitions, outDir.toAbsolutePath().normalize(), settings, engine,
                timePointsPerTask, OutputFormat.parse(format), args);
        BatchSummary summary;
        boolean ours = given == null;
        JavaSparkContext sc = ours ? new JavaSparkContext(sparkConf()) : given;
        try {
            summary = new BatchRunner(sc, run, out.json() ? spec.commandLine().getErr() : out.out()).run();
        } finally {
            if (ours) {
                sc.stop();
            }
        }
        out.result(summary, String.format(Locale.ROOT, "%d ok, %d skipped, %d failed of %d -> %s", summary.ok(),
                summary.skipped(), summary.failed(), summary.acquisitions(), outDir.resolve(BatchSummary.NAME)));
        if (summary.failed() == 0) {
            return ExitCodes.OK;
        }
        boolean allBadInput = summary.entries().stream().filter(e -> "failed".equals(e.status()))
                .allMatch(e -> Boolean.TRUE.equals(e.badInput()));
        return allBadInput ? ExitCodes.BAD_INPUT : ExitCodes.RUNTIME_FAILURE;
    }

    private DeviceKind deviceKind() {
        return switch (backend.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "cpu" -> DeviceKind.CPU;
            case "opencl" -> DeviceKind.OPENCL;
            case "cuda" -> DeviceKind.CUDA;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--backend must be auto, cpu, opencl or cuda, got " + backend);
        };
    }

    private SparkConf sparkConf() {
        SparkConf c = new SparkConf().setAppName("flowscope batch");
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster("local[*]");
        }
        if (c.get("spark.master").startsWith("local")) {
            // a workstation run: no web UI port to open
            c.setIfMissing("spark.ui.enabled", "false");
        }
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--conf takes KEY=VALUE, got " + kv);
            }
            c.set(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return c;
    }
}
