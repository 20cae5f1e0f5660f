package org.flowscope.methods.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line plot as SVG text: series over a shared x axis and optional horizontal/vertical marker lines. SVG rather than a
 * raster so that plots need no graphics stack (no java.desktop on a server or a GPU host) and embed as they are in
 * HTML reports; every browser and Fiji's SVG import read it.
 */
public final class SvgPlot {
    private static final int W = 800;
    private static final int H = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

    private record Series(String label, double[] x, double[] y, String color, double width) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double hLine = Double.NaN;
    private String hLabel = "";
    private double vLine = Double.NaN;
    private String vLabel = "";

    public SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a curve; non-finite points break the line. */
    public SvgPlot series(String label, double[] x, double[] y, double width) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + x.length + " x and " + y.length + " y values");
        }
        series.add(new Series(label, x, y, PALETTE[series.size() % PALETTE.length], width));
        return this;
    }

    /** A dashed horizontal marker (ignored when not finite). */
    public SvgPlot horizontal(double y, String label) {
        hLine = y;
        hLabel = label;
        return this;
    }

    /** A dashed vertical marker (ignored when not finite). */
    public SvgPlot vertical(double x, String label) {
        vLine = x;
        vLabel = label;
        return this;
    }

    /** The SVG document. */
    public String render() {
        double[] xr = range(true);
        double[] yr = range(false);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(text(W / 2.0, 22, title, "middle", 15));
        sb.append(text(W / 2.0, H - 15, xLabel, "middle", 12));
        sb.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                H / 2.0, H / 2.0, escape(yLabel)));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        for (int i = 0; i <= 5; i++) {
            double xv = xr[0] + (xr[1] - xr[0]) * i / 5;
            double yv = yr[0] + (yr[1] - yr[0]) * i / 5;
            sb.append(text(px(xv, xr), H - BOTTOM + 16, tick(xv), "middle", 11));
            sb.append(text(LEFT - 6, py(yv, yr) + 4, tick(yv), "end", 11));
        }
        if (Double.isFinite(hLine)) {
            double y = py(hLine, yr);
            sb.append(line(LEFT, y, W - RIGHT, y, "#777")).append(text(W - RIGHT - 4, y - 4, hLabel, "end", 11));
        }
        if (Double.isFinite(vLine)) {
            double x = px(vLine, xr);
            sb.append(line(x, TOP, x, H - BOTTOM, "#777")).append(text(x + 4, TOP + 14, vLabel, "start", 11));
        }
        int legend = 0;
        for (Series s : series) {
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.2f %.2f", px(s.x[i], xr), py(s.y[i], yr)));
                pen = true;
            }
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                    d.toString().trim(), s.color, s.width));
            double ly = TOP + 16 + 16 * legend++;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    W - RIGHT - 150, ly - 4, W - RIGHT - 125, ly - 4, s.color));
            sb.append(text(W - RIGHT - 120, ly, s.label, "start", 11));
        }
        return sb.append("</svg>\n").toString();
    }

    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x : s.y) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double marker = x ? vLine : hLine;
        if (Double.isFinite(marker)) {
            lo = Math.min(lo, marker);
            hi = Math.max(hi, marker);
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    private static double px(double v, double[] r) {
        return LEFT + (v - r[0]) / (r[1] - r[0]) * (W - LEFT - RIGHT);
    }

    private static double py(double v, double[] r) {
        return H - BOTTOM - (v - r[0]) / (r[1] - r[0]) * (H - TOP - BOTTOM);
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(s));
    }

    private static String tick(double v) {
        return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0) ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
