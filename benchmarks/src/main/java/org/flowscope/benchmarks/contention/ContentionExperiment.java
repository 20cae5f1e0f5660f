package org.flowscope.benchmarks.contention;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.app.engine.Candidates;
import org.flowscope.benchmarks.cli.Median;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.simulators.load.LoadProcess;

/**
 * NanoPyx's delay-management experiment (Extended Data Fig. 7): the same sequence of calls runs with the agent
 * choosing between the candidates (engine on) and fixed to the candidate that was fastest after warm-up (engine off),
 * while a separate load-generator process occupies the device during calls [from, to]. Then the sequence runs once
 * more forced to each other candidate, so that the oracle, the per-call faster candidate under the same load
 * schedule, is measured rather than guessed ({@link ContentionTrace#oracle}; engine off is the initial candidate's
 * forced run). Each sequence gets a fresh engine (own history under {@code out/store-<mode>}) on the same devices and
 * the same warm-up: one unrecorded run, then {@code warmupRuns} recorded runs per candidate, as NanoPyx's notebooks
 * run {@code benchmark()} before the sequence.
 *
 * @param <P> params
 * @param <I> input
 * @param <O> output
 */
public final class ContentionExperiment<P, I, O> {
    /**
     * @param runs        calls per mode
     * @param from        first contended call (1-based)
     * @param to          last contended call
     * @param warmupRuns  recorded warm-up runs per candidate before the sequence
     * @param loadArgs    arguments for {@code LoadGeneratorMain}; without {@code --target} the device of the
     *                    initially fastest candidate is loaded
     */
    public record Settings(int runs, int from, int to, int warmupRuns, List<String> loadArgs) {
        public Settings {
            if (runs < 2 || from < 1 || to < from || to > runs) {
                throw new IllegalArgumentException("contention needs runs >= 2 and 1 <= from <= to <= runs, got runs=" + runs
                        + " contend=" + from + "-" + to);
            }
            if (warmupRuns < 1) {
                throw new IllegalArgumentException("warm-up runs must be >= 1, got " + warmupRuns);
            }
            loadArgs = List.copyOf(loadArgs);
        }
    }

    /** The outcome: the report and what loaded the device. */
    public record Result(ContentionReport report, String initial, String load, List<String> candidates) {
    }

    private final Operation<P, I, O> op;
    private final BenchmarkInputs.Case<P, I> work;
    private final Settings settings;
    private final Path outDir;
    private final Consumer<String> progress;

    public ContentionExperiment(Operation<P, I, O> op, BenchmarkInputs.Case<P, I> work, Settings settings, Path outDir,
            Consumer<String> progress) {
        this.op = op;
        this.work = work;
        this.settings = settings;
        this.outDir = outDir;
        this.progress = progress;
    }

    /**
     * Runs both modes on {@code devices} among the candidates the selectors name (all available ones when
     * {@code pair} is empty).
     */
    public Result run(DeviceSet devices, List<CandidateSelector> pair) {
        List<CandidateStatus> chosen = resolve(devices, pair);
        List<Implementation<?, ?, ?>> impls = new ArrayList<>();
        List<Device> devs = new ArrayList<>();
        try (Engine probe = probe(devices)) {
            for (CandidateStatus c : chosen) {
                Implementation<?, ?, ?> impl = probe.registry().byId(c.info().id()).orElseThrow();
                if (!impls.contains(impl)) {
                    impls.add(impl);
                }
                Device d = devices.devices().stream().filter(x -> x.identity().equals(c.device().orElseThrow()))
                        .findFirst().orElseThrow();
                if (!devs.contains(d)) {
                    devs.add(d);
                }
            }
        }
        DeviceSet restricted = DeviceSet.of(devs);
        ImplementationRegistry registry = ImplementationRegistry.ofImplementations(impls);
        List<String> labels = chosen.stream().map(Candidates::label).toList();
        progress.accept("candidates: " + labels);

        ContentionTrace on;
        ContentionTrace off;
        String initial;
        String loadDescription;
        try (Engine eOn = engine(restricted, registry, "on")) {
            initial = warmUp(eOn, chosen);
            progress.accept("initially fastest: " + initial);
            List<String> loadArgs = loadArgs(chosen, initial);
            Sequence s = sequence(eOn, RunOptions.auto(), "on", loadArgs);
            on = s.trace;
            loadDescription = s.load;
        }
        CandidateStatus fixed = chosen.stream().filter(c -> Candidates.label(c).equals(initial)).findFirst().orElseThrow();
        try (Engine eOff = engine(restricted, registry, "off")) {
            warmUp(eOff, chosen);
            off = sequence(eOff, Candidates.force(fixed), "off", loadArgs(chosen, initial)).trace;
        }
        List<ContentionTrace> forced = new ArrayList<>(List.of(off));
        for (int i = 0; i < chosen.size(); i++) {
            CandidateStatus c = chosen.get(i);
            if (c == fixed) {
                continue;
            }
            try (Engine e = engine(restricted, registry, "forced-" + i)) {
                warmUp(e, chosen);
                forced.add(sequence(e, Candidates.force(c), "forced " + Candidates.label(c), loadArgs(chosen, initial)).trace);
            }
        }
        ContentionTrace oracle = ContentionTrace.oracle(forced);
        return new Result(new ContentionReport(on, off, Optional.of(oracle), initial, settings.from(), settings.to()),
                initial, loadDescription, labels);
    }

    private Engine engine(DeviceSet devices, ImplementationRegistry registry, String mode) {
        return Engine.create(EngineConfig.defaults().withStoreDir(outDir.resolve("store-" + mode))
                .withDevices(devices).withRegistry(registry).withPriors(false));
    }

    private static Engine probe(DeviceSet devices) {
        return Engine.create(EngineConfig.inMemory().withDevices(devices).withPriors(false));
    }

    private List<CandidateStatus> resolve(DeviceSet devices, List<CandidateSelector> pair) {
        List<CandidateStatus> all;
        try (Engine probe = probe(devices)) {
            all = probe.candidates(op.id()).stream().filter(c -> c.availability().available()).toList();
        }
        if (pair.isEmpty()) {
            if (all.size() < 2) {
                throw new IllegalArgumentException("contention needs at least two available candidates for " + op.id() + ", found " + all.size());
            }
            return all;
        }
        List<CandidateStatus> out = new ArrayList<>();
        for (CandidateSelector sel : pair) {
            CandidateStatus match = all.stream().filter(sel::matches).filter(c -> !out.contains(c)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no available candidate of " + op.id() + " matches '"
                            + sel.text() + "'; available: " + all.stream().map(Candidates::label).toList()));
            out.add(match);
        }
        return out;
    }

    /** One unrecorded and {@code warmupRuns} recorded runs per candidate; returns the label with the lowest median. */
    private String warmUp(Engine engine, List<CandidateStatus> chosen) {
        String best = null;
        double bestMedian = Double.POSITIVE_INFINITY;
        for (CandidateStatus c : chosen) {
            RunOptions forced = Candidates.force(c);
            engine.execute(op, work.params(), work.input(), forced.recorded(false));
            double[] t = new double[settings.warmupRuns()];
            for (int i = 0; i < t.length; i++) {
                t[i] = engine.execute(op, work.params(), work.input(), forced).seconds();
            }
            double median = Median.of(t);
            progress.accept(String.format(java.util.Locale.ROOT, "warm-up %s: median %.3f ms", Candidates.label(c), median * 1e3));
            if (median < bestMedian) {
                bestMedian = median;
                best = Candidates.label(c);
            }
        }
        return best;
    }

    private record Sequence(ContentionTrace trace, String load) {
    }

    private Sequence sequence(Engine engine, RunOptions options, String mode, List<String> loadArgs) {
        List<ContentionTrace.Call> calls = new ArrayList<>();
        LoadProcess load = null;
        String loadDescription = "";
        try {
            for (int i = 1; i <= settings.runs(); i++) {
                if (i == settings.from()) {
                    load = LoadProcess.start(loadArgs, Duration.ofSeconds(120));
                    loadDescription = load.description();
                    progress.accept("engine " + mode + ": load started before call " + i + ": " + loadDescription);
                }
                long t0 = System.nanoTime();
                Execution<O> e = engine.execute(op, work.params(), work.input(), options);
                double ms = (System.nanoTime() - t0) / 1e6;
                boolean contended = load != null;
                calls.add(new ContentionTrace.Call(i, contended, e.decision().choice().label(), ms));
                if (i == settings.to() && load != null) {
                    load.close();
                    load = null;
                    progress.accept("engine " + mode + ": load stopped after call " + i);
                }
            }
        } finally {
            if (load != null) {
                load.close();
            }
        }
        return new Sequence(new ContentionTrace(mode, calls), loadDescription);
    }

    private List<String> loadArgs(List<CandidateStatus> chosen, String initial) {
        if (settings.loadArgs().contains("--target")) {
            return settings.loadArgs();
        }
        List<String> args = new ArrayList<>(defaultLoad(chosen, initial));
        args.addAll(settings.loadArgs());
        return args;
    }

    /** Load the device of the initially fastest candidate: its GPU through its own API, else all CPU cores. */
    private static List<String> defaultLoad(List<CandidateStatus> chosen, String initial) {
        CandidateStatus c = chosen.stream().filter(x -> Candidates.label(x).equals(initial)).findFirst().orElseThrow();
        DeviceKind kind = c.device().map(d -> d.kind()).orElse(DeviceKind.CPU);
        // an OpenCL device from a GPU vendor is loaded through OpenCL; PoCL and other CPU devices share the cores
        boolean gpuVendor = c.device().map(d -> d.vendor().toUpperCase(java.util.Locale.ROOT).contains("NVIDIA")
                || d.vendor().toUpperCase(java.util.Locale.ROOT).contains("ADVANCED MICRO")).orElse(false);
        if (kind == DeviceKind.CUDA) {
            return List.of("--target", "cuda");
        }
        if (kind == DeviceKind.OPENCL && gpuVendor) {
            return List.of("--target", "opencl", "--device", c.device().get().model());
        }
        return List.of("--target", "cpu");
    }
}
