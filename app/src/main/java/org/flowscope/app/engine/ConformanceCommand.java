package org.flowscope.app.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.ConformanceMatrix;
import org.flowscope.engine.spi.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowscope engine conformance <op>}: every available implementation &times; device against the plain-Java
 * reference on the seeded shape matrix of {@link ConformanceMatrix} (odd and tiny sizes, strips, one- and
 * multi-frame stacks, a range of the operation's size parameter), with the operation's tolerance. The same check the
 * test suite makes, runnable on hardware CI does not have (the GPU machine).
 */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        description = {"Check every available implementation x device against the plain-Java reference on seeded cases.",
                "Exit 4 if any candidate differs beyond the operation's tolerance or fails."})
public final class ConformanceCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", paramLabel = "OP", description = "Operation id, e.g. conv2d.")
    String op;

    @Option(names = "--kernels", defaultValue = "0", paramLabel = "A-B",
            description = "Range of the operation's size parameter (conv2d: kernel sides, e.g. 1-21); 0 = its default.")
    String kernels;

    @Option(names = "--seed", defaultValue = "" + ConformanceMatrix.DEFAULT_SEED,
            description = "Seed of the cases (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        int[] ks = SizeSpec.range(kernels, "--kernels");
        Operations.Benchmarkable<Object, Object, Object> b = Operations.benchmarkable(op);
        List<BenchmarkInputs.Case<Object, Object>> cases = ConformanceMatrix.cases(b.inputs(), ks[0], ks[1], seed);
        List<Map<String, Object>> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean allOk = true;
        try (Engine engine = Engine.create(engineOptions.config())) {
            List<CandidateStatus> candidates = engine.candidates(op);
            String ref = candidates.stream().filter(c -> c.info().backend() == Backend.CPU).map(c -> c.info().id())
                    .findFirst().orElseThrow(() -> new IllegalStateException(op + " has no plain-Java reference"));
            List<float[]> expected = new ArrayList<>();
            for (var c : cases) {
                expected.add(b.inputs().values(engine.run(b.operation(), c.params(), c.input(),
                        RunOptions.implementation(ref).recorded(false))));
            }
            RunOptions selection = engineOptions.selection();
            for (CandidateStatus s : candidates) {
                if (selection.restricted() && s.device().isPresent() && !selection.admits(s.info(), s.device().get())) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("implementation", s.info().id());
                m.put("device", s.device().map(d -> d.label()).orElse("none"));
                if (!s.availability().available()) {
                    m.put("status", "UNAVAILABLE");
                    m.put("detail", s.availability().reason());
                } else {
                    String bad = check(engine, b.operation(), b.inputs(), s, cases, expected);
                    m.put("status", bad == null ? "PASS" : "FAIL");
                    m.put("detail", bad == null ? cases.size() + " cases within " + b.operation().tolerance() : bad);
                    allOk &= bad == null;
                }
                results.add(m);
                text.append(String.format("%-26s %-48s %-11s %s%n", m.get("implementation"), m.get("device"), m.get("status"), m.get("detail")));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("operation", op);
        r.put("cases", cases.stream().map(BenchmarkInputs.Case::label).toList());
        r.put("allPassed", allOk);
        r.put("results", results);
        out.result(r, text.toString().stripTrailing());
        return allOk ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }

    private static <P, I, O> String check(Engine engine, Operation<P, I, O> op, BenchmarkInputs<P, I, O> inputs,
            CandidateStatus s, List<BenchmarkInputs.Case<P, I>> cases, List<float[]> expected) {
        RunOptions forced = Candidates.force(s).recorded(false);
        for (int i = 0; i < cases.size(); i++) {
            BenchmarkInputs.Case<P, I> c = cases.get(i);
            try {
                String bad = op.tolerance().firstViolation(expected.get(i), inputs.values(engine.run(op, c.params(), c.input(), forced)));
                if (bad != null) {
                    return c.label() + ": " + bad;
                }
            } catch (RuntimeException e) {
                return c.label() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return null;
    }
}
