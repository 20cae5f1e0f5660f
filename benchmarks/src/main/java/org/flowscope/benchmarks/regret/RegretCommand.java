package org.flowscope.benchmarks.regret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.engine.Candidates;
import org.flowscope.app.engine.Operations;
import org.flowscope.benchmarks.cli.Median;
import org.flowscope.benchmarks.cli.ResultFiles;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope-bench regret}: how close the agent's choices come to the best candidate on a mixed-size
 * workload. Every candidate is first run {@code --warmup} times on every shape (recorded, so the agent learns from
 * them; their medians are the oracle's table). Then {@code --calls} calls of randomly drawn shapes run with the
 * agent choosing. Regret = &Sigma; oracle median of the chosen candidate / &Sigma; oracle median of the best one
 * (1.0 = always the best); the same ratio from the measured times is reported too.
 */
@Command(name = "regret",
        mixinStandardHelpOptions = true,
        description = {"Regret of the agent's choices on a mixed-size workload after warm-up:",
                "sum of the chosen candidates' oracle medians over the sum of the best ones (1.0 = perfect)."})
public final class RegretCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Option(names = "--op", defaultValue = "conv2d", description = "Operation id (default ${DEFAULT-VALUE}).")
    String op;

    @Option(names = "--sizes", split = ",", defaultValue = "128,256,512,1024,2048", description = "Square image sides.")
    List<Integer> sizes;

    @Option(names = "--kernels", split = ",", defaultValue = "3,9", description = "Kernel sides (the op's size parameter).")
    List<Integer> kernels;

    @Option(names = "--warmup", defaultValue = "5", description = "Recorded runs per candidate and shape (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--calls", defaultValue = "200", description = "Mixed calls after warm-up (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--input-seed", defaultValue = "42", description = "Seed of inputs and of the shape sequence.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the history and regret.csv (default: a temporary one).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        if (warmup < 1 || calls < 1 || sizes.isEmpty() || kernels.isEmpty()) {
            throw new IllegalArgumentException("regret needs --warmup >= 1, --calls >= 1 and at least one size and kernel");
        }
        Operations.Benchmarkable<Object, Object, Object> b = Operations.benchmarkable(op);
        Path dir = outDir != null ? outDir : Files.createTempDirectory("flowscope-regret");
        List<BenchmarkInputs.Case<Object, Object>> shapes = new ArrayList<>();
        for (int s : sizes) {
            for (int k : kernels) {
                shapes.add(b.inputs().benchmarkCase(new BenchmarkInputs.Spec(s, s, 1, k), seed + shapes.size()));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("call,shape,chosen,oracle_best,chosen_oracle_ms,best_oracle_ms,measured_ms\n");
        try (Engine engine = Engine.create(EngineConfig.defaults().withStoreDir(dir.resolve("store")).withPriors(false))) {
            List<CandidateStatus> candidates = engine.candidates(op).stream().filter(c -> c.availability().available()).toList();
            double[][] oracle = new double[shapes.size()][candidates.size()];
            for (int i = 0; i < shapes.size(); i++) {
                for (int j = 0; j < candidates.size(); j++) {
                    oracle[i][j] = warm(engine, b.operation(), shapes.get(i), candidates.get(j));
                }
                out.info(String.format(Locale.ROOT, "oracle %s: %s", shapes.get(i).label(), Arrays.toString(oracle[i])));
            }
            List<String> labels = candidates.stream().map(Candidates::label).toList();
            SplittableRandom rnd = new SplittableRandom(seed);
            double chosenSum = 0;
            double bestSum = 0;
            double measuredSum = 0;
            int bestPicks = 0;
            for (int n = 1; n <= calls; n++) {
                int i = rnd.nextInt(shapes.size());
                BenchmarkInputs.Case<Object, Object> c = shapes.get(i);
                Execution<Object> e = engine.execute(b.operation(), c.params(), c.input(), RunOptions.auto());
                int j = labels.indexOf(e.decision().choice().label());
                int best = argmin(oracle[i]);
                chosenSum += oracle[i][j];
                bestSum += oracle[i][best];
                measuredSum += e.seconds() * 1e3;
                bestPicks += j == best ? 1 : 0;
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.4f,%.4f,%.4f%n", n, c.label().replace(',', ' '),
                        labels.get(j), labels.get(best), oracle[i][j], oracle[i][best], e.seconds() * 1e3));
            }
            r.put("operation", op);
            r.put("shapes", shapes.stream().map(BenchmarkInputs.Case::label).toList());
            r.put("candidates", labels);
            r.put("calls", calls);
            r.put("regret", chosenSum / bestSum);
            r.put("measuredRegret", measuredSum / bestSum);
            r.put("bestPickedFraction", bestPicks / (double) calls);
        }
        ResultFiles.writeText(dir.resolve("regret.csv"), csv.toString());
        r.put("csv", dir.resolve("regret.csv").toString());
        out.result(r, String.format(Locale.ROOT,
                "regret %.3f (oracle medians), %.3f (measured times) over %d mixed calls; best candidate picked in %.0f%% -> %s",
                r.get("regret"), r.get("measuredRegret"), calls, 100 * (double) r.get("bestPickedFraction"), dir.resolve("regret.csv")));
        return ExitCodes.OK;
    }

    /** One unrecorded run, then {@code warmup} recorded runs; their median in ms. */
    private double warm(Engine engine, Operation<Object, Object, Object> op, BenchmarkInputs.Case<Object, Object> c, CandidateStatus s) {
        RunOptions forced = Candidates.force(s);
        engine.execute(op, c.params(), c.input(), forced.recorded(false));
        double[] t = new double[warmup];
        for (int i = 0; i < warmup; i++) {
            t[i] = engine.execute(op, c.params(), c.input(), forced).seconds() * 1e3;
        }
        return Median.of(t);
    }

    private static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}
