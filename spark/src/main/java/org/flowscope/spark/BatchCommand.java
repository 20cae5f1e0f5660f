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
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
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
                "Each input gets a folder under --out named after it (result.tif, run.json, report.html; drift.csv "
                        + "with --drift); batch.json and batch.html list every acquisition with how it ended (and its "
                        + "resolution with --quality). A re-run skips complete outputs; a failed acquisition is recorded "
                        + "with its error and does not stop the others."})
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

    @Option(names = "--drift", description = "Correct drift before eSRRF: each block of --drift-every frames is averaged "
            + "and cross-correlated with the first block (as process drift-estimate --reference first --time-averaging), "
            + "and each task shifts its frames back (as process drift-apply); the table is written to drift.csv.")
    boolean drift;

    @Option(names = "--drift-every", paramLabel = "N", defaultValue = "0", description = "Frames averaged per drift "
            + "measurement; 0 (default): --frames-per-timepoint.")
    int driftEvery;

    @Option(names = "--drift-max-shift", paramLabel = "PX", defaultValue = "0", description = "Largest drift per axis "
            + "searched, pixels (0 = half the frame). Default: ${DEFAULT-VALUE}.")
    double driftMaxShift;

    @Option(names = "--drift-interpolator", paramLabel = "NAME", defaultValue = "LANCZOS3", description = "Resampling of "
            + "the correction: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Kernel driftInterpolator;

    @Option(names = "--drift-border", paramLabel = "ZERO|NEAREST", defaultValue = "NEAREST", description = "What fills "
            + "the border the shift uncovers: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}, as live --drift, so that "
            + "eSRRF's gradients see no artificial edge (process drift-apply's default is ZERO).")
    Border driftBorder;

    @Option(names = "--quality", description = "Per time point, in the tasks: FRC of the means of its even and odd "
            + "(corrected) frames and decorrelation of its eSRRF frame, in run.json, report.html, and as medians in "
            + "batch.json/batch.html.")
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

    @Option(names = "--implementation", paramLabel = "ID", split = ",", description = "Run exactly this implementation "
            + "of its operation everywhere (esrrf.cpu: the single-threaded reference); repeatable or comma-separated, one "
            + "per operation (drift-correct.cpu, cross-correlation.cpu, frc.cpu, decorr.cpu).")
    List<String> implementation = new ArrayList<>();

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
        DriftSettings driftSettings = null;
        if (drift) {
            int every = driftEvery > 0 ? driftEvery : framesPerTimePoint;
            if (every < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--drift needs blocks to measure: give "
                        + "--frames-per-timepoint or --drift-every (got " + driftEvery + ")");
            }
            driftSettings = new DriftSettings(every, driftMaxShift, driftInterpolator, driftBorder);
        } else if (driftEvery != 0 || driftMaxShift != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drift-every and --drift-max-shift need --drift");
        }
        if (timePointsPerTask < 1) {
            throw new IllegalArgumentException("--time-points-per-task must be >= 1, got " + timePointsPerTask);
        }
        EsrrfSettings settings = EsrrfSettings.of(esrrf.params(framesPerTimePoint));
        EngineSettings engine = new EngineSettings(deviceKind(), implementation, device, store, noHistory, noOpenCl, noCuda);
        if (!implementation.isEmpty()) {
            // on the driver, so that a mistyped id is a usage error, not one failed acquisition after another
            var registry = org.flowscope.engine.registry.ImplementationRegistry.load(BatchCommand.class.getClassLoader());
            for (String id : implementation) {
                if (registry.byId(id).isEmpty()) {
                    throw new IllegalArgumentException("unknown implementation '" + id + "' (--implementation); "
                            + "flowscope engine devices lists them");
                }
            }
        }
        List<BatchInputs.Acquisition> acquisitions = BatchInputs.expand(inputs);
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        BatchRunner.Spec run = new BatchRunner.Spec(acquisitions, outDir.toAbsolutePath().normalize(), settings, engine,
                timePointsPerTask, OutputFormat.parse(format), args, driftSettings, quality);
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
