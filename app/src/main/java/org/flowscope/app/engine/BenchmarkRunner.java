package org.flowscope.app.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;

/**
 * Benchmarks every implementation &times; device of one operation through the engine: warm-up runs (not recorded),
 * then timed repetitions that the engine records into its history. Each candidate's output is checked element-wise
 * against the plain-Java reference (the operation's {@link Backend#CPU} implementation) with the operation's
 * tolerance, on the first and last run; a candidate that fails is reported as failing and gets no time.
 */
public final class BenchmarkRunner {
    /** Outcome of one candidate. */
    public enum Status { OK, FAILED, UNAVAILABLE }

    /**
     * One candidate's result.
     *
     * @param implementation implementation id
     * @param device         device label, or "none"
     * @param status         ok, failed (wrong output or error) or unavailable
     * @param medianMs       median of the timed runs (NaN unless OK)
     * @param minMs          fastest timed run
     * @param maxMs          slowest timed run
     * @param reps           timed runs
     * @param detail         why it failed or is unavailable, else ""
     */
    public record Row(String implementation, String device, Status status, double medianMs, double minMs, double maxMs,
            int reps, String detail) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("implementation", implementation);
            m.put("device", device);
            m.put("status", status.name());
            m.put("medianMs", Double.isNaN(medianMs) ? null : medianMs);
            m.put("minMs", Double.isNaN(minMs) ? null : minMs);
            m.put("maxMs", Double.isNaN(maxMs) ? null : maxMs);
            m.put("reps", reps);
            m.put("detail", detail);
            return m;
        }
    }

    /**
     * How much to run.
     *
     * @param warmup          unrecorded runs first (kernel builds, JIT), &ge; 1 (one is needed to check the output)
     * @param reps            timed runs at most, &ge; 1
     * @param secondsPerCandidate stop repeating a candidate once its timed runs took this long (at least one run)
     */
    public record Plan(int warmup, int reps, double secondsPerCandidate) {
        public Plan {
            if (warmup < 1 || reps < 1 || !(secondsPerCandidate > 0)) {
                throw new IllegalArgumentException("benchmark needs warmup >= 1, reps >= 1 and a positive time limit, got warmup="
                        + warmup + " reps=" + reps + " limit=" + secondsPerCandidate + " s");
            }
        }
    }

    private BenchmarkRunner() {
    }

    /** Runs the plan for every candidate of {@code op} on {@code spec}'s seeded case. */
    public static <P, I, O> List<Row> run(Engine engine, Operation<P, I, O> op, BenchmarkInputs<P, I, O> inputs,
            BenchmarkInputs.Spec spec, long seed, Plan plan) {
        return run(engine, op, inputs, spec, seed, plan, RunOptions.auto());
    }

    /** Runs the plan for every candidate of {@code op} that {@code selection} admits. */
    public static <P, I, O> List<Row> run(Engine engine, Operation<P, I, O> op, BenchmarkInputs<P, I, O> inputs,
            BenchmarkInputs.Spec spec, long seed, Plan plan, RunOptions selection) {
        BenchmarkInputs.Case<P, I> c = inputs.benchmarkCase(spec, seed);
        List<CandidateStatus> candidates = engine.candidates(op.id());
        String referenceId = candidates.stream().filter(s -> s.info().backend() == Backend.CPU)
                .map(s -> s.info().id()).findFirst()
                .orElseThrow(() -> new IllegalStateException("operation " + op.id() + " has no plain-Java (CPU) reference implementation"));
        float[] reference = inputs.values(engine.run(op, c.params(), c.input(),
                RunOptions.implementation(referenceId).recorded(false)));
        List<Row> rows = new ArrayList<>();
        for (CandidateStatus s : candidates) {
            if (selection.restricted() && s.device().isPresent() && !selection.admits(s.info(), s.device().get())) {
                continue;
            }
            String dev = s.device().map(d -> d.label()).orElse("none");
            if (!s.availability().available()) {
                rows.add(new Row(s.info().id(), dev, Status.UNAVAILABLE, Double.NaN, Double.NaN, Double.NaN, 0,
                        s.availability().reason()));
                continue;
            }
            rows.add(measure(engine, op, inputs, c, s, dev, reference, plan));
        }
        return rows;
    }

    private static <P, I, O> Row measure(Engine engine, Operation<P, I, O> op, BenchmarkInputs<P, I, O> inputs,
            BenchmarkInputs.Case<P, I> c, CandidateStatus s, String dev, float[] reference, Plan plan) {
        RunOptions forced = Candidates.force(s);
        String id = s.info().id();
        try {
            O first = null;
            for (int i = 0; i < plan.warmup(); i++) {
                Execution<O> e = engine.execute(op, c.params(), c.input(), forced.recorded(false));
                requireRan(e, id);
                if (first == null) {
                    first = e.output();
                }
            }
            String bad = op.tolerance().firstViolation(reference, inputs.values(first));
            if (bad != null) {
                return new Row(id, dev, Status.FAILED, Double.NaN, Double.NaN, Double.NaN, 0, "output differs from the reference: " + bad);
            }
            List<Double> ms = new ArrayList<>();
            double spent = 0;
            O last = null;
            while (ms.size() < plan.reps() && (ms.isEmpty() || spent < plan.secondsPerCandidate())) {
                Execution<O> e = engine.execute(op, c.params(), c.input(), forced);
                requireRan(e, id);
                ms.add(e.seconds() * 1e3);
                spent += e.seconds();
                last = e.output();
            }
            bad = op.tolerance().firstViolation(reference, inputs.values(last));
            if (bad != null) {
                return new Row(id, dev, Status.FAILED, Double.NaN, Double.NaN, Double.NaN, ms.size(),
                        "output of a timed run differs from the reference: " + bad);
            }
            double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Row(id, dev, Status.OK, median(v), v[0], v[v.length - 1], v.length, "");
        } catch (RuntimeException e) {
            return new Row(id, dev, Status.FAILED, Double.NaN, Double.NaN, Double.NaN, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void requireRan(Execution<?> e, String id) {
        String ran = e.decision().choice().implementation();
        if (!ran.equals(id)) {
            // the engine fell back after a failure of the forced candidate: that is a failure of this candidate
            throw new IllegalStateException("engine ran " + ran + " instead of " + id);
        }
    }

    /** Median of sorted values. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A fixed-width table of the rows, fastest OK first, with speed-up over the reference's median. */
    public static String table(List<Row> rows, String referenceId) {
        double ref = rows.stream().filter(r -> r.implementation().equals(referenceId) && r.status() == Status.OK)
                .mapToDouble(Row::medianMs).findFirst().orElse(Double.NaN);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            if (a.status() != b.status()) {
                return a.status().compareTo(b.status());
            }
            return Double.compare(a.medianMs(), b.medianMs());
        });
        StringBuilder sb = new StringBuilder(String.format("%-26s %-48s %-11s %10s %10s %5s %8s%n",
                "implementation", "device", "status", "median ms", "min ms", "reps", "speedup"));
        for (Row r : sorted) {
            sb.append(String.format(java.util.Locale.ROOT, "%-26s %-48s %-11s %10s %10s %5d %8s%s%n", r.implementation(),
                    cut(r.device(), 48), r.status(), fmt(r.medianMs()), fmt(r.minMs()), r.reps(),
                    r.status() == Status.OK && !Double.isNaN(ref) ? String.format(java.util.Locale.ROOT, "%.1fx", ref / r.medianMs()) : "-",
                    r.detail().isEmpty() ? "" : "  " + r.detail()));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

}
