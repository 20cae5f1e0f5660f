package org.flowscope.methods.esrrfsweep;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The sweep's maps as one SVG document: a row of three heat maps (RSP, resolution, QnR) per frame count, radius along
 * x and sensitivity along y, each cell labelled with its value, the best combination outlined. SVG like the project's
 * other plots ({@link org.flowscope.methods.quality.SvgPlot}): no graphics stack needed, opens in any browser and in
 * Fiji. Colours run from dark to bright with quality: high RSP, small resolution and high QnR are bright; each metric
 * has one scale over all frame counts so rows compare; cells without a value are grey.
 */
final class HeatMapSvg {
    private static final int CELL_W = 64;
    private static final int CELL_H = 34;
    private static final int PANEL_GAP = 56;
    private static final int LEFT = 74;
    private static final int TOP = 64;
    private static final int ROW_GAP = 70;
    /** Viridis at five stops, interpolated linearly. */
    private static final int[][] STOPS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private record Panel(String title, ToDoubleFunction<SweepCell> value, boolean higherIsBetter, String format) {
    }

    private HeatMapSvg() {
    }

    static String render(SweepResult r, String title) {
        String unit = r.resolutionUnit();
        List<Panel> panels = List.of(
                new Panel("RSP", SweepCell::rsp, true, "%.3f"),
                new Panel("resolution (" + unit + ", " + r.metric().name() + ")", r::resolutionInUnit, false, "%.3g"),
                new Panel("QnR", SweepCell::qnr, true, "%.3f"));
        int nr = r.radii().size();
        int ns = r.sensitivities().size();
        int panelW = nr * CELL_W;
        int panelH = ns * CELL_H;
        int width = LEFT + panels.size() * (panelW + PANEL_GAP);
        int height = TOP + r.frameCounts().size() * (panelH + ROW_GAP) + 10;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        sb.append(text(10, 20, title, "start", 14, "black"));
        sb.append(text(10, 38, "x: radius (input px), y: sensitivity; brighter = better; outlined: highest QnR", "start", 11, "#444"));
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            double[] range = range(r.cells(), panel.value);
            int x0 = LEFT + p * (panelW + PANEL_GAP);
            for (int f = 0; f < r.frameCounts().size(); f++) {
                int y0 = TOP + f * (panelH + ROW_GAP);
                sb.append(text(x0, y0 - 8, panel.title + ", " + r.frameCounts().get(f) + " frames", "start", 12, "black"));
                for (int s = 0; s < ns; s++) {
                    // sensitivity grows upwards, like a plot's y axis
                    int y = y0 + (ns - 1 - s) * CELL_H;
                    if (p == 0) {
                        sb.append(text(x0 - 6, y + CELL_H / 2.0 + 4, num(r.sensitivities().get(s)), "end", 11, "black"));
                    }
                    for (int c = 0; c < nr; c++) {
                        SweepCell cell = r.cell(f, s, c);
                        double v = panel.value.applyAsDouble(cell);
                        int x = x0 + c * CELL_W;
                        double t = Double.isFinite(v) ? (v - range[0]) / (range[1] - range[0]) : Double.NaN;
                        t = panel.higherIsBetter ? t : 1 - t;
                        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                                x, y, CELL_W, CELL_H, Double.isFinite(t) ? colour(t) : "#bbbbbb"));
                        String label = Double.isFinite(v) ? String.format(Locale.ROOT, panel.format, v) : "n/a";
                        sb.append(text(x + CELL_W / 2.0, y + CELL_H / 2.0 + 4, label, "middle", 11,
                                Double.isFinite(t) && t > 0.6 ? "black" : "white"));
                    }
                }
                for (int c = 0; c < nr; c++) {
                    sb.append(text(x0 + c * CELL_W + CELL_W / 2.0, y0 + panelH + 14, num(r.radii().get(c)), "middle", 11, "black"));
                }
                int best = r.bestFor(f);
                if (best >= 0) {
                    int idx = best - f * nr * ns;
                    int bs = idx / nr;
                    int bc = idx % nr;
                    String stroke = best == r.best() ? "#d62728" : "#ff7f0e";
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"none\" "
                            + "stroke=\"%s\" stroke-width=\"3\"/>%n", x0 + bc * CELL_W + 1.5, y0 + (ns - 1 - bs) * CELL_H + 1.5,
                            CELL_W - 3, CELL_H - 3, stroke));
                }
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private static double[] range(List<SweepCell> cells, ToDoubleFunction<SweepCell> f) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepCell c : cells) {
            double v = f.applyAsDouble(c);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        return hi - lo < 1e-12 ? new double[] {lo - 0.5, lo + 0.5} : new double[] {lo, hi};
    }

    /** Viridis colour at {@code t} in [0, 1]. */
    static String colour(double t) {
        double u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) u, STOPS.length - 2);
        double w = u - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], w), mix(a[1], b[1], w), mix(a[2], b[2], w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }

    private static String num(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }

    private static String text(double x, double y, String s, String anchor, int size, String fill) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>%n",
                x, y, anchor, size, fill, s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
}
