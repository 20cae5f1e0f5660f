package org.flowscope.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.io.TiffStacks;

/**
 * {@code report.html} of a live or serve run, built from the folder's {@code run.json} and files: what went in, how
 * it was set up, what came out (first, last and mean reconstruction), drift, FRC curves and the resolution trend, the
 * SQUIRREL error map when one was computed, the engine's choices, the counters by stage, the timings, the versions
 * and the machine. {@code flowscope report DIR} rebuilds it; a live run writes it when it ends.
 */
public final class RunFolderReport {
    /** The report's file name in a run folder. */
    public static final String NAME = "report.html";

    private static final Map<String, String> COUNTERS = Map.ofEntries(
            Map.entry("ingest.frames", "frames acquired"),
            Map.entry("camera.lost", "frames the camera lost (sequence gaps)"),
            Map.entry("ingest.outOfOrder", "frames that arrived out of order"),
            Map.entry("raw.frames", "frames saved to the raw file"),
            Map.entry("windows.emitted", "windows formed"),
            Map.entry("windows.trailingFrames", "frames at the end too few for a window"),
            Map.entry("analysis.processed", "windows processed"),
            Map.entry("analysis.skipped", "windows skipped (--policy skip: the analysis could not keep up)"),
            Map.entry("result.frames", "result frames written"));

    private RunFolderReport() {
    }

    /** Builds the report of {@code dir} and writes it there (atomically); returns its path. */
    public static Path write(Path dir, Optional<SquirrelCheck.Result> squirrel) {
        RunReport run = RunReportFile.read(dir.resolve(RunReportFile.NAME));
        String html = render(dir, run, squirrel);
        Path file = dir.resolve(NAME);
        TiffStacks.writeAtomically(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    /** The page for the run {@code run} whose files are in {@code dir}. */
    public static String render(Path dir, RunReport run, Optional<SquirrelCheck.Result> squirrel) {
        String op = run.parameters() == null ? "?" : run.parameters().op();
        HtmlReport html = new HtmlReport("flowscope run: " + op + " — " + run.status(),
                dir.toAbsolutePath().normalize() + " · started " + run.startedUtc()
                        + (run.elapsedMs() == null ? "" : String.format(java.util.Locale.ROOT, " · %.1f s", run.elapsedMs() / 1e3)));
        html.section("Outcome");
        html.paragraph("status: " + run.status() + (run.error() == null ? "" : " — " + run.error()),
                RunReport.OK.equals(run.status()) ? "status-ok" : "status-failed");
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("frames acquired", run.frames());
        outcome.put("mean acquisition rate (frames/s)", run.framesPerSecond());
        outcome.put("windows processed", run.counters() == null ? null : run.counter("analysis.processed"));
        outcome.put("windows skipped", run.counters() == null ? null : run.counter("analysis.skipped"));
        outcome.put("frames lost by the camera", run.counters() == null ? null : run.counter("camera.lost"));
        outcome.put("command", String.join(" ", run.commandLine()));
        html.keyValues(outcome);
        inputs(html, run);
        images(html, dir, run);
        drift(html, run);
        quality(html, run);
        squirrel.ifPresent(s -> SquirrelCheck.section(html, s));
        engine(html, run);
        counters(html, run);
        other(html, run);
        machine(html, run);
        return html.render();
    }

    private static void inputs(HtmlReport html, RunReport run) {
        html.section("Inputs and parameters");
        if (run.inputs() != null) {
            RunReport.Inputs in = run.inputs();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", in.source());
            m.put("frame size", in.width() + " × " + in.height() + " px, " + in.pixelType());
            m.put("frames", in.frameCount() == null ? "open-ended" : in.frameCount());
            m.put("frame rate (frames/s)", in.framesPerSecond());
            m.put("pixel size (nm)", in.pixelSizeNm());
            html.keyValues(m);
        }
        if (run.parameters() != null) {
            RunReport.LiveParameters p = run.parameters();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("window / step (frames)", p.window() + " / " + p.step());
            m.put("operator chain", p.stages() == null ? null : String.join(" → ", p.stages()));
            if (p.policy() != null) {
                // a live run's; a batch acquisition (flowscope batch) has no backpressure, raw file or preview
                m.put("backpressure", p.policy() + " (spool " + p.lagSpool() + " windows)");
                m.put("raw frames saved", p.saveRaw());
                m.put("preview", p.preview());
            }
            html.keyValues(m);
        }
    }

    private static void images(HtmlReport html, Path dir, RunReport run) {
        html.section("Reconstruction");
        Path result = run.outputs() != null && run.outputs().result() != null
                ? dir.resolve(Path.of(run.outputs().result()).getFileName()) : dir.resolve("result.tif");
        if (!Files.exists(result)) {
            html.paragraph("no result file (" + result.getFileName() + ") in the folder", "bad");
            return;
        }
        try {
            ReportFigures.stack(html, StackPreview.read(result), "reconstruction");
        } catch (IllegalArgumentException e) {
            html.paragraph("cannot read " + result.getFileName() + ": " + e.getMessage(), "bad");
        }
    }

    private static void drift(HtmlReport html, RunReport run) {
        Optional<SectionViews.Drift> d = run.section("drift", SectionViews.Drift.class);
        if (d.isEmpty() || d.get().windows().isEmpty()) {
            return;
        }
        html.section("Drift");
        html.figures().svg(ReportFigures.drift(d.get(), run.inputs() == null ? null : run.inputs().framesPerSecond()),
                String.format(java.util.Locale.ROOT, "How far the sample moved, per window (largest |dx| %.3g px, |dy| %.3g px); "
                        + "each window's frames were shifted back before the operator.", d.get().maxAbsDxPx(), d.get().maxAbsDyPx()))
                .endFigures();
    }

    private static void quality(HtmlReport html, RunReport run) {
        Optional<SectionViews.Quality> q = run.section("quality", SectionViews.Quality.class);
        if (q.isEmpty()) {
            return;
        }
        html.section("Resolution");
        SectionViews.Quality v = q.get();
        html.paragraph("Sampled every " + v.every() + " window(s): " + v.samplesComputed() + " computed, " + v.samplesDropped()
                + " dropped (side thread busy). FRC: " + v.frcMethod() + ". Decorrelation: " + v.decorrMethod() + ".", null);
        html.figures();
        if (!v.frcCurves().isEmpty()) {
            html.svg(ReportFigures.frcCurves(v.frcCurves()), "FRC of the first and the latest sample; the resolution is "
                    + "1 / the frequency where the curve crosses the threshold.");
        }
        if (!v.series().isEmpty()) {
            html.svg(ReportFigures.resolutionTrend(v), "Resolution per sampled window (lower is better). In pixels, FRC "
                    + "is in input pixels and decorrelation in reconstruction pixels.");
        }
        html.endFigures();
    }

    private static void engine(HtmlReport html, RunReport run) {
        html.section("Engine decisions");
        if (run.decisions() == null || run.decisions().candidates().isEmpty()) {
            html.paragraph("No operation ran through the engine (the stages computed in place).", "muted");
        } else {
            List<List<?>> rows = new ArrayList<>();
            for (RunReport.CandidateUse c : run.decisions().candidates()) {
                rows.add(List.of(c.operation(), c.implementation(), c.device(), c.calls(), c.calibrations(),
                        String.valueOf(c.reasons()),
                        c.medianExpectedMs() == null ? "?" : c.medianExpectedMs(), c.lastDetail()));
            }
            html.table(List.of("operation", "implementation", "device", "calls", "calibrations",
                    "why (times)", "expected ms (median)",
                    "last reason"), rows);
        }
        if (run.timings() != null && !run.timings().isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            run.timings().forEach((stage, t) -> rows.add(List.of(stage, t.count(), t.p50Ms(), t.p95Ms(), t.maxMs(), t.totalMs())));
            html.paragraph("Measured time per stage and window (latency: a window's last frame to its result written).", "muted");
            html.table(List.of("stage", "count", "median ms", "p95 ms", "max ms", "total ms"), rows);
        }
    }

    private static void counters(HtmlReport html, RunReport run) {
        if (run.counters() == null) {
            return;
        }
        html.section("Counters");
        List<List<?>> rows = new ArrayList<>();
        run.counters().forEach((name, value) -> {
            boolean loss = name.equals("camera.lost") || name.endsWith(".skipped") || name.endsWith(".failed")
                    || name.endsWith(".dropped");
            rows.add(List.of((loss && value > 0 ? "!" : "") + name, value, meaning(name)));
        });
        html.table(List.of("counter", "value", "meaning"), rows);
        if (run.sideBranchErrors() != null && !run.sideBranchErrors().isEmpty()) {
            html.keyValues(run.sideBranchErrors());
        }
    }

    static String meaning(String counter) {
        String known = COUNTERS.get(counter);
        if (known != null) {
            return known;
        }
        int dot = counter.lastIndexOf('.');
        String branch = dot < 0 ? counter : counter.substring(0, dot);
        String event = dot < 0 ? "" : counter.substring(dot + 1);
        return switch (event) {
            case "processed" -> branch + ": results handled";
            case "skipped" -> branch + ": results skipped while busy (latest wins)";
            case "failed" -> branch + ": failures";
            default -> "";
        };
    }

    private static void other(HtmlReport html, RunReport run) {
        if (run.sections().isEmpty()) {
            return;
        }
        html.section("Stage and source sections of run.json");
        for (Map.Entry<String, JsonNode> e : run.sections().entrySet()) {
            String text = e.getValue().toPrettyString();
            html.details(e.getKey() + " (" + text.length() + " characters)", text);
        }
    }

    private static void machine(HtmlReport html, RunReport run) {
        html.section("Software and machine");
        Map<String, Object> m = new LinkedHashMap<>();
        if (run.flowscope() != null) {
            m.put("flowscope", run.flowscope().version());
            m.put("Java", run.flowscope().java());
            m.put("Reactor", run.flowscope().reactor());
        }
        if (run.machine() != null) {
            RunReport.Machine mc = run.machine();
            m.put("host", mc.host());
            m.put("operating system", mc.os() + " (" + mc.arch() + ")");
            m.put("CPU", mc.cpu() + ", " + mc.cores() + " cores");
            m.put("memory", mc.memoryBytes() > 0 ? (mc.memoryBytes() >> 20) + " MiB" : null);
            m.put("Java heap limit", (mc.maxHeapBytes() >> 20) + " MiB");
        }
        if (run.outputs() != null) {
            m.put("files", String.join(", ", nonNull(run.outputs().result(), run.outputs().raw(), run.outputs().runJson())));
        }
        html.keyValues(m);
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
