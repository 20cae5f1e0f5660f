package org.flowscope.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flowscope.app.report.RunFolderReport;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.quality.live.QualitySection;

/**
 * What the driver makes of an acquisition's task results besides the image: the quality section, the engine-call
 * tally, the resolution summary of {@code batch.json}, and {@code report.html}, built by the app's report builder
 * ({@link RunFolderReport#render}) from a {@link RunReport} view of the acquisition's run (the batch {@code run.json}
 * has its own form: {@code parameters} are eSRRF's, and every task is listed).
 */
final class AcquisitionRecords {
    static final String DRIFT_CSV = "drift.csv";

    private AcquisitionRecords() {
    }

    /** Every time point's quality, in time order, in the live quality section's form (every time point sampled). */
    static QualitySection quality(List<BlockTask.Result> results) {
        List<TimePointQuality> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.quality()));
        all.sort(Comparator.comparingInt(TimePointQuality::timePoint));
        List<QualitySection.Point> series = new ArrayList<>();
        List<QualitySection.FrcCurve> curves = new ArrayList<>();
        TimePointQuality firstCurve = null;
        TimePointQuality lastCurve = null;
        for (TimePointQuality q : all) {
            series.add(new QualitySection.Point(q.timePoint(), "computed", finite(q.frcPx()), finite(q.frcNm()),
                    finite(q.decorrPx()), finite(q.decorrNm()), q.elapsedMs(), null));
            if (q.frequency() != null) {
                firstCurve = firstCurve == null ? q : firstCurve;
                lastCurve = q;
            }
        }
        for (TimePointQuality q : firstCurve == lastCurve ? Arrays.asList(firstCurve) : List.of(firstCurve, lastCurve)) {
            if (q != null) {
                curves.add(new QualitySection.FrcCurve(q.timePoint(), q.frequency(), q.frc(), q.threshold()));
            }
        }
        return new QualitySection(1, "even vs odd frame means of each time point (after the drift correction with "
                + "--drift), standard frequency axis, threshold 1/7",
                "decorrelation analysis of each eSRRF frame (Descloux 2019), n_r 50, n_g 10", all.size(), all.size(), 0,
                0, 0, null, series.isEmpty() ? null : series.get(series.size() - 1), series, curves);
    }

    /** The median resolutions over the time points, for {@code batch.json}. */
    static BatchSummary.Resolution summary(QualitySection q) {
        return new BatchSummary.Resolution(median(q, QualitySection.Point::frcPx), median(q, QualitySection.Point::frcNm),
                median(q, QualitySection.Point::decorrPx), median(q, QualitySection.Point::decorrNm),
                (int) q.series().stream().filter(p -> p.frcPx() != null).count(),
                (int) q.series().stream().filter(p -> p.decorrPx() != null).count());
    }

    /** "operation: implementation on device" → calls, over every task (and the drift stage's). */
    static Map<String, Integer> calls(List<EngineCall> calls) {
        Map<String, Integer> tally = new TreeMap<>();
        for (EngineCall c : calls) {
            tally.merge(c.operation() + ": " + c.implementation() + " on " + c.device(), 1, Integer::sum);
        }
        return tally;
    }

    /** Writes {@code report.html} of the acquisition into {@code folder}; returns its file name. */
    static String writeReport(Path folder, AcquisitionRun run, List<EngineCall> calls, Path resultFile) {
        RunReport view = view(run, calls, resultFile);
        String html = RunFolderReport.render(folder, view, Optional.empty());
        TiffStacks.writeAtomically(folder.resolve(RunFolderReport.NAME), o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        return RunFolderReport.NAME;
    }

    private static RunReport view(AcquisitionRun run, List<EngineCall> calls, Path resultFile) {
        AcquisitionRun.Input in = run.input();
        EsrrfSettings p = run.parameters();
        int length = p.params().blockLength(in.frames());
        List<String> stages = new ArrayList<>();
        if (run.drift() != null) {
            stages.add("drift-correct (" + run.drift().settings().interpolator() + ", border "
                    + run.drift().settings().border() + ")");
        }
        stages.add("esrrf x" + p.magnification());
        if (run.quality() != null) {
            stages.add("quality: frc, decorr (every time point)");
        }
        // policy null: not a live run, so the report leaves out backpressure, raw saving and preview
        RunReport.LiveParameters params = new RunReport.LiveParameters(length, length, run.operation(), stages, null, 0,
                null, null, false, null);
        RunReport.Inputs inputs = new RunReport.Inputs(in.file(), in.width(), in.height(), in.pixelType(),
                (long) in.frames(), in.frameIntervalMs() == null || in.frameIntervalMs() <= 0 ? null
                        : 1000 / in.frameIntervalMs(), in.pixelSizeNm());
        RunReport.Outputs outputs = new RunReport.Outputs(resultFile.getFileName().toString(), run.output().frames(), null,
                null, AcquisitionRun.NAME, RunFolderReport.NAME, run.output().format());
        Map<String, Integer> tally = new TreeMap<>();
        Map<String, EngineCall> byKey = new TreeMap<>();
        for (EngineCall c : calls) {
            String key = c.operation() + "\u0000" + c.implementation() + "\u0000" + c.device();
            tally.merge(key, 1, Integer::sum);
            byKey.putIfAbsent(key, c);
        }
        List<RunReport.CandidateUse> uses = new ArrayList<>();
        tally.forEach((key, n) -> {
            EngineCall c = byKey.get(key);
            uses.add(new RunReport.CandidateUse(c.operation(), c.implementation(), c.device(), n, 0,
                    Map.of("executor's engine", (long) n), null, null, "chosen by the engine of the executor that ran the task"));
        });
        Map<String, com.fasterxml.jackson.databind.JsonNode> sections = new LinkedHashMap<>();
        if (run.drift() != null) {
            sections.put("drift", RunReportFile.tree(run.drift()));
        }
        if (run.quality() != null) {
            sections.put("quality", RunReportFile.tree(run.quality()));
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("master", run.master());
        batch.put("parameters", run.parameters());
        batch.put("blocks", run.blocks());
        sections.put("batch", RunReportFile.tree(batch));
        return new RunReport(run.status(), null, run.flowscope(), run.driver(), run.startedUtc(), run.elapsedMs(),
                run.commandLine(), inputs, params, outputs, (long) in.frames(), null, null, null, null, null,
                new RunReport.EngineDecisions(uses), sections);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double median(QualitySection q, java.util.function.Function<QualitySection.Point, Double> f) {
        double[] v = q.series().stream().map(f).filter(x -> x != null).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
