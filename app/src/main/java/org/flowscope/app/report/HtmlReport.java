package org.flowscope.app.report;

import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page: styles inline, images as {@code data:} URLs, plots as inline SVG, nothing loaded from
 * anywhere, so the file can be mailed, archived and opened offline. Text is escaped; only the SVG plots made by
 * {@link org.flowscope.methods.quality.SvgPlot} are inserted as markup.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2733}
            header{background:#1d2733;color:#fff;padding:0.8em 1.2em}header h1{margin:0;font-size:1.3em}
            header p{margin:0.3em 0 0;color:#c9d1da}main{padding:0.5em 1.2em 2em;max-width:1300px}
            section{background:#fff;border-radius:4px;padding:0.6em 1em;margin:1em 0}h2{font-size:1.1em;margin:0.2em 0 0.6em}
            table{border-collapse:collapse;font-size:0.9em;margin:0.3em 0}td,th{border-bottom:1px solid #e3e6ea;padding:0.2em 0.6em;
            text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .status-ok{color:#1e7b34}.status-failed{color:#b3261e}.bad{color:#b3261e;font-weight:bold}
            .figures{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figure img{width:360px;max-width:100%;image-rendering:pixelated;
            background:#000;display:block}figure svg{max-width:620px;height:auto}figcaption{font-size:0.85em;color:#4a5663;
            max-width:360px}figure svg+figcaption{max-width:620px}pre{background:#f4f5f7;padding:0.5em;overflow:auto;font-size:0.8em;max-height:30em}
            .muted{color:#6b7785}code{font-size:0.9em}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final String subtitle;
    private boolean open;

    public HtmlReport(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** Starts a section with a heading. */
    public HtmlReport section(String heading) {
        closeSection();
        body.append("<section><h2>").append(escape(heading)).append("</h2>\n");
        open = true;
        return this;
    }

    private void closeSection() {
        if (open) {
            body.append("</section>\n");
            open = false;
        }
    }

    /** A paragraph of text ({@code cssClass} may be null). */
    public HtmlReport paragraph(String text, String cssClass) {
        body.append("<p").append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append('>').append(escape(text))
                .append("</p>\n");
        return this;
    }

    /** A two-column table of names and values, in the map's order; null values show as "–". */
    public HtmlReport keyValues(Map<String, ?> rows) {
        body.append("<table>\n");
        rows.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(text(v)))
                .append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /**
     * A table with a header row; cells are text, numbers right-aligned; a row whose first cell starts with "!" is
     * marked (a loss), the mark removed.
     */
    public HtmlReport table(List<String> header, List<List<?>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<?> row : rows) {
            boolean bad = !row.isEmpty() && row.get(0) instanceof String s && s.startsWith("!");
            body.append(bad ? "<tr class=\"bad\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object c = row.get(i);
                String t = text(c);
                if (bad && i == 0) {
                    t = t.substring(1);
                }
                body.append(c instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(t)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** Starts a row of figures. */
    public HtmlReport figures() {
        body.append("<div class=\"figures\">\n");
        return this;
    }

    /** Ends a row of figures. */
    public HtmlReport endFigures() {
        body.append("</div>\n");
        return this;
    }

    /** An image ({@code data:} URL) with its caption. */
    public HtmlReport image(String dataUrl, String alt, String caption) {
        if (!dataUrl.startsWith("data:image/")) {
            throw new IllegalArgumentException("report images must be inline data: URLs, got " + dataUrl.substring(0,
                    Math.min(30, dataUrl.length())));
        }
        body.append("<figure><img src=\"").append(dataUrl).append("\" alt=\"").append(escape(alt)).append("\"><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** An SVG plot (from {@link org.flowscope.methods.quality.SvgPlot}) with its caption. */
    public HtmlReport svg(String svg, String caption) {
        if (!svg.startsWith("<svg")) {
            throw new IllegalArgumentException("not an SVG document: " + svg.substring(0, Math.min(30, svg.length())));
        }
        body.append("<figure>").append(svg).append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** Preformatted text (JSON sections), folded. */
    public HtmlReport details(String summary, String text) {
        body.append("<details><summary>").append(escape(summary)).append("</summary><pre>").append(escape(text))
                .append("</pre></details>\n");
        return this;
    }

    /** The page. */
    public String render() {
        closeSection();
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<header><h1>" + escape(title) + "</h1><p>"
                + escape(subtitle) + "</p></header>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String text(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? trim(d) : "–";
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? trim(f) : "–";
        }
        return String.valueOf(v);
    }

    private static String trim(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(java.util.Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.4g", d);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
