package org.flowscope.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscope.app.image.GrayImage;
import org.flowscope.app.image.PngImages;
import org.flowscope.app.report.HtmlReport;
import org.flowscope.app.run.MachineInfo;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;

/**
 * The report of one {@code process} command ({@code --report}): the command line, the inputs, the command's
 * parameters and result, previews of every stack it wrote (first, last, mean; the SQUIRREL error map when that is what
 * it wrote), its SVG plots inline, the engine's choices, the time each step took, the versions and the machine.
 * Self-contained, like a live run's {@code report.html}.
 */
final class ProcessReport {
    private ProcessReport() {
    }

    static String render(String command, List<String> args, Instant started, double elapsedMs, Object result,
                         ProcessRecord record, RunReport.EngineDecisions decisions) {
        HtmlReport html = new HtmlReport("flowscope process " + command, String.format(Locale.ROOT, "started %s · %.2f s",
                started, elapsedMs / 1e3));
        html.section("Command");
        html.paragraph("flowscope " + String.join(" ", args), null);
        html.section("Inputs");
        List<List<?>> rows = new ArrayList<>();
        for (ProcessRecord.Input in : record.inputs) {
            rows.add(List.of(in.file().toString(), in.frames(), in.width() + " × " + in.height(),
                    in.metadata().pixelSizeNm().isPresent() ? in.metadata().pixelSizeNm().getAsDouble() : "–",
                    in.metadata().frameIntervalMs().isPresent() ? in.metadata().frameIntervalMs().getAsDouble() : "–"));
        }
        html.table(List.of("file", "frames", "size (px)", "pixel size (nm)", "frame interval (ms)"), rows);
        html.section("Parameters and result");
        html.keyValues(flatten(RunReportFile.tree(result)));
        for (ProcessRecord.StackOut s : record.stacks) {
            html.section("Output " + s.file().getFileName());
            html.paragraph(s.file() + ": " + s.frames() + " frame(s) of " + s.first().width() + " × " + s.first().height()
                    + " px" + (s.metadata().pixelSizeNm().isPresent()
                    ? String.format(Locale.ROOT, ", %.4g nm/px", s.metadata().pixelSizeNm().getAsDouble()) : ""), "muted");
            String what = command.equals("squirrel") ? "SQUIRREL error map" : s.file().getFileName().toString();
            html.figures();
            image(html, s.first(), what + " — first frame");
            if (s.frames() > 1) {
                image(html, s.last(), what + " — last frame");
                image(html, s.mean(), what + " — mean of " + s.frames() + " frames");
            }
            html.endFigures();
        }
        List<ProcessRecord.TextOut> svgs = record.texts.stream().filter(t -> t.text().startsWith("<svg")).toList();
        if (!svgs.isEmpty()) {
            html.section("Plots");
            html.figures();
            svgs.forEach(t -> html.svg(t.text(), t.file().toString()));
            html.endFigures();
        }
        html.section("Engine decisions and time per step");
        if (decisions == null) {
            html.paragraph("No operation ran through the engine.", "muted");
        } else {
            List<List<?>> d = new ArrayList<>();
            for (RunReport.CandidateUse c : decisions.candidates()) {
                d.add(List.of(c.operation(), c.implementation(), c.device(), c.calls(), c.calibrations(),
                        String.valueOf(c.reasons()),
                        c.medianExpectedMs() == null ? "?" : c.medianExpectedMs(), c.lastDetail()));
            }
            html.table(List.of("operation", "implementation", "device", "calls", "calibrations",
                    "why (times)", "expected ms (median)",
                    "last reason"), d);
        }
        Map<String, Object> steps = new LinkedHashMap<>(record.stepsMs);
        steps.put("whole command", elapsedMs);
        html.keyValues(steps);
        html.paragraph("Files written: " + String.join(", ", record.written.stream().map(Path::toString).toList()), "muted");
        html.section("Software and machine");
        RunReport.Versions v = MachineInfo.versions();
        RunReport.Machine m = MachineInfo.machine();
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("flowscope", v.version());
        sm.put("Java", v.java());
        sm.put("host", m.host());
        sm.put("operating system", m.os() + " (" + m.arch() + ")");
        sm.put("CPU", m.cpu() + ", " + m.cores() + " cores");
        sm.put("memory", m.memoryBytes() > 0 ? (m.memoryBytes() >> 20) + " MiB" : null);
        html.keyValues(sm);
        return html.render();
    }

    private static void image(HtmlReport html, GrayImage img, String caption) {
        PngImages.Png png = PngImages.encode(img);
        html.image(png.dataUrl(), caption, String.format(Locale.ROOT, "%s; black %.4g, white %.4g", caption, png.lo(), png.hi()));
    }

    /** A result record as name → value rows: nested objects by dotted names, long arrays summarised. */
    static Map<String, Object> flatten(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && node.size() > 8) {
            out.put(prefix, node.size() + " entries: " + abbreviate(node.toString()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.isNull() ? null : node.isNumber() ? (Object) node.asDouble() : node.asText());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
