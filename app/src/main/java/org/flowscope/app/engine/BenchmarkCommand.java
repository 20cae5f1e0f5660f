package org.flowscope.app.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BenchmarkInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowscope engine benchmark <op>}: every available implementation &times; device, checked and timed. */
@Command(name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {"Benchmark every available implementation x device of an operation on seeded inputs.",
                "Warm-up runs first (not recorded), then timed runs whose times enter the engine's history.",
                "Each output is compared element-wise with the plain-Java reference using the operation's tolerance;",
                "an implementation that differs is reported as FAILED and gets no time. Exit 4 if any FAILED."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Parameters(index = "0", paramLabel = "OP", description = "Operation id, e.g. conv2d.")
    String op;

    @Option(names = "--size", defaultValue = "1024x1024", paramLabel = "WxH", description = "Image size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--kernel", defaultValue = "0", paramLabel = "K",
            description = "The operation's size parameter, e.g. the conv2d kernel side; 0 = the operation's default.")
    int kernel;

    @Option(names = "--frames", defaultValue = "1", paramLabel = "N", description = "Frames per call (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--warmup", defaultValue = "3", description = "Unrecorded warm-up runs per candidate (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--reps", defaultValue = "15", description = "Timed runs per candidate at most (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--max-seconds", defaultValue = "20", paramLabel = "S",
            description = "Stop repeating a candidate after its timed runs took S seconds (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--input-seed", defaultValue = "42", description = "Seed of the generated input (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        int[] wh = SizeSpec.parse(size);
        Operations.Benchmarkable<Object, Object, Object> b = Operations.benchmarkable(op);
        BenchmarkInputs.Spec spec = new BenchmarkInputs.Spec(wh[0], wh[1], frames, kernel);
        BenchmarkRunner.Plan plan = new BenchmarkRunner.Plan(warmup, reps, maxSeconds);
        EngineConfig config = engine.config();
        List<BenchmarkRunner.Row> rows;
        String referenceId;
        try (Engine e = Engine.create(config)) {
            out.info("benchmarking " + op + " on " + spec.label() + " ...");
            rows = BenchmarkRunner.run(e, b.operation(), b.inputs(), spec, seed, plan, engine.selection());
            referenceId = e.candidates(op).stream().filter(c -> c.info().backend() == Backend.CPU)
                    .map(c -> c.info().id()).findFirst().orElse("");
        }
        boolean failed = rows.stream().anyMatch(r -> r.status() == BenchmarkRunner.Status.FAILED);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("operation", op);
        r.put("width", wh[0]);
        r.put("height", wh[1]);
        r.put("frames", frames);
        r.put("kernel", kernel);
        r.put("seed", seed);
        r.put("reference", referenceId);
        r.put("allPassed", !failed);
        r.put("results", rows.stream().map(BenchmarkRunner.Row::toMap).toList());
        out.result(r, BenchmarkRunner.table(rows, referenceId));
        return failed ? ExitCodes.RUNTIME_FAILURE : ExitCodes.OK;
    }
}
