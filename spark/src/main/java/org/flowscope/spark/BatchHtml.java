package org.flowscope.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscope.app.report.HtmlReport;

/** {@code batch.html}: the batch's summary table on one self-contained page. */
final class BatchHtml {
    private BatchHtml() {
    }

    static String render(BatchSummary s) {
        HtmlReport html = new HtmlReport("flowscope batch", "started " + s.startedUtc() + " · " + s.status()
                + (s.elapsedMs() == null ? "" : String.format(Locale.ROOT, " · %.1f s", s.elapsedMs() / 1e3)));
        html.section("Summary");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("acquisitions", s.acquisitions());
        summary.put("ok", s.ok());
        summary.put("skipped (complete from an earlier run)", s.skipped());
        summary.put("failed", s.failed());
        summary.put("Spark master", s.master());
        summary.put("output folder", s.out());
        html.keyValues(summary);
        html.section("Acquisitions");
        List<List<?>> rows = new ArrayList<>();
        for (BatchSummary.Entry e : s.entries()) {
            rows.add(List.of(e.input(), e.output(), e.status(), dash(e.frames()), dash(e.timePoints()), dash(e.blocks()),
                    e.seconds() == null ? "–" : String.format(Locale.ROOT, "%.2f", e.seconds()),
                    e.implementations() == null ? "–" : String.join(", ", e.implementations()),
                    e.error() == null ? "" : e.error()));
        }
        html.table(List.of("input", "output folder", "status", "frames", "time points", "blocks", "s", "implementations",
                "error"), rows);
        html.paragraph("flowscope " + String.join(" ", s.commandLine()), "muted");
        return html.render();
    }

    private static Object dash(Integer v) {
        return v == null ? "–" : v;
    }
}
