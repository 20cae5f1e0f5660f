package org.flowscope.app.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.JsonBenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.model.CostRegressionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowscope engine history [--op X]}: what the engine has measured on this machine. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show the benchmark history: per operation, implementation, device and work shape, the samples kept and their median.")
public final class EngineHistoryCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--op", paramLabel = "ID", description = "Only this operation (e.g. conv2d).")
    String operation;

    @Mixin
    CliOutput out;

    @Option(names = "--export-priors", paramLabel = "FILE",
            description = "Also write the listed histories as factory priors (merged into FILE if it exists), e.g. "
                    + "methods/src/main/resources/META-INF/flowscope/engine-priors.json.")
    Path exportPriors;

    /** One line of the listing; {@code warmups} are cold first runs, kept apart from the samples ({@code coldMs} the fastest). */
    public record Row(String operation, String implementation, String device, List<Integer> dimensions, Map<String, String> parameters,
            String libraryVersion, int samples, int delayed, double medianMs, double minMs, String last, int warmups, double coldMs) {
    }

    @Override
    public Integer call() throws IOException {
        Path dir = engineOptions.storeDir();
        List<Row> rows = new ArrayList<>();
        List<History> histories = List.of();
        List<FailureRecord> failures = List.of();
        if (dir != null && Files.exists(dir.resolve("benchmarks.json"))) {
            try (JsonBenchmarkStore store = new JsonBenchmarkStore(dir, 100_000, Duration.ofHours(1))) {
                histories = store.histories(operation);
                failures = store.failures().current().stream()
                        .filter(f -> operation == null || FailureRecord.ANY.equals(f.operation()) || f.operation().equals(operation)).toList();
            }
        }
        for (History h : histories) {
            rows.add(row(h));
        }
        if (exportPriors != null) {
            FactoryPriors.export(histories, exportPriors, 10);
        }
        rows.sort(Comparator.comparing(Row::operation).thenComparing(r -> r.dimensions().toString())
                .thenComparing(r -> r.parameters().toString()).thenComparingDouble(Row::medianMs));
        StringWriter buffer = new StringWriter();
        PrintWriter text = new PrintWriter(buffer);
        if (rows.isEmpty()) {
            text.println("no history" + (operation == null ? "" : " for operation '" + operation + "'") + " in "
                    + (dir == null ? "memory" : dir));
        } else {
            text.printf(Locale.ROOT, "%-10s %-24s %-50s %-18s %-16s %4s %4s %11s %11s %4s %11s%n", "operation", "implementation", "device",
                    "dimensions", "parameters", "n", "dly", "median ms", "min ms", "cold", "cold ms");
            for (Row r : rows) {
                text.printf(Locale.ROOT, "%-10s %-24s %-50s %-18s %-16s %4d %4d %11.3f %11.3f %4d %11.3f%n", r.operation(), r.implementation(),
                        r.device(), r.dimensions(), r.parameters(), r.samples(), r.delayed(), r.medianMs(), r.minMs(), r.warmups(), r.coldMs());
            }
        }
        for (FailureRecord f : failures) {
            text.println("failed: " + f.label() + " (since " + Instant.ofEpochMilli(f.firstMillis()) + ", left alone until "
                    + Instant.ofEpochMilli(f.retryAfterMillis()) + ")");
        }
        if (exportPriors != null) {
            text.println("priors written to " + exportPriors);
        }
        text.flush();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("store", dir == null ? null : dir.toString());
        doc.put("histories", rows);
        doc.put("failures", failures);
        doc.put("priorsExported", exportPriors == null ? null : exportPriors.toString());
        out.result(doc, buffer.toString().stripTrailing());
        return ExitCodes.OK;
    }
    private static Row row(History h) {
        List<Sample> s = h.samples();
        double min = s.stream().mapToDouble(Sample::seconds).min().orElse(Double.NaN);
        long last = s.stream().mapToLong(Sample::epochMillis).max().orElse(0);
        int delayed = (int) s.stream().filter(Sample::delayed).count();
        double cold = h.warmups().stream().mapToDouble(Sample::seconds).min().orElse(Double.NaN);
        return new Row(h.key().operation(), h.key().implementation(), h.key().device().label(), h.key().shape().dimensions(),
                new LinkedHashMap<>(h.key().shape().parameters()), h.key().libraryVersion(), s.size(), delayed,
                CostRegressionModel.undelayedMedian(s) * 1e3, min * 1e3, Instant.ofEpochMilli(last).toString(), h.warmups().size(), cold * 1e3);
    }
}
