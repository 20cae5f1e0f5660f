package org.flowscope.app.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line plot written as SVG text: one or more series over a shared x axis, an optional horizontal and an
 * optional vertical marker line, linear axes with six ticks, a legend. SVG rather than a raster image so that the
 * product needs no java.desktop (AWT) and no plotting library for one curve; browsers and image viewers open it.
 * Non-finite points break a series' line. Written atomically (temporary name, then rename).
 */
final class SvgCurvePlot {
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

    SvgCurvePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series ({@code label} "" keeps it out of the legend); {@code x} and {@code y} must have the same length. */
    SvgCurvePlot series(String label, double[] x, double[] y, double width) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + x.length + " x values but " + y.length + " y values");
        }
        series.add(new Series(label, x.clone(), y.clone(), PALETTE[series.size() % PALETTE.length], width));
        return this;
    }

    SvgCurvePlot horizontal(double y, String label) {
        hLine = y;
        hLabel = label;
        return this;
    }

    /** A vertical marker; NaN draws none. */
    SvgCurvePlot vertical(double x, String label) {
        vLine = x;
        vLabel = label;
        return this;
    }

    /** Writes the plot to {@code svg}. */
    void write(Path svg) {
        QualityFiles.writeText(svg, render());
    }

    String render() {
        double[] xr = range(true);
        double[] yr = range(false);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        axes(s, xr, yr);
        if (Double.isFinite(hLine)) {
            int y = py(hLine, yr);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"gray\" "
                    + "stroke-dasharray=\"6 4\"/>%n", LEFT, y, W - RIGHT, y));
            text(s, W - RIGHT - 4, y - 4, "end", "gray", hLabel);
        }
        if (Double.isFinite(vLine) && vLine >= xr[0] && vLine <= xr[1]) {
            int x = px(vLine, xr);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"red\"/>%n",
                    x, TOP, x, H - BOTTOM));
            text(s, x + 4, TOP + 14, "start", "red", vLabel);
        }
        int legendY = TOP + 34;
        for (Series c : series) {
            for (String points : polylines(c, xr, yr)) {
                s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                        + "points=\"%s\"/>%n", c.color, c.width, points));
            }
            if (c.label.isEmpty()) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"%.1f\"/>%n", W - RIGHT - 240, legendY - 4, W - RIGHT - 224, legendY - 4, c.color, c.width));
            text(s, W - RIGHT - 220, legendY, "start", "black", c.label);
            legendY += 16;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        return s.append("</svg>\n").toString();
    }

    /** {min, max} over the finite points (the horizontal marker included for y), padded 5 % in y. */
    private double[] range(boolean x) {
        double min = !x && Double.isFinite(hLine) ? hLine : Double.POSITIVE_INFINITY;
        double max = !x && Double.isFinite(hLine) ? hLine : Double.NEGATIVE_INFINITY;
        for (Series c : series) {
            for (int i = 0; i < c.x.length; i++) {
                if (Double.isFinite(c.x[i]) && Double.isFinite(c.y[i])) {
                    double v = x ? c.x[i] : c.y[i];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        if (!(max > min)) {
            max = min + 1;
        }
        if (!x) {
            double pad = 0.05 * (max - min);
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    private void axes(StringBuilder s, double[] xr, double[] yr) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>%n", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        for (int i = 0; i <= 5; i++) {
            double xv = xr[0] + (xr[1] - xr[0]) * i / 5;
            int x = px(xv, xr);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    x, H - BOTTOM, x, H - BOTTOM + 5));
            text(s, x, H - BOTTOM + 20, "middle", "black", String.format(Locale.ROOT, "%.3g", xv));
            double yv = yr[0] + (yr[1] - yr[0]) * i / 5;
            int y = py(yv, yr);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    LEFT - 5, y, LEFT, y));
            text(s, LEFT - 8, y + 4, "end", "black", String.format(Locale.ROOT, "%.2f", yv));
        }
        text(s, LEFT + (W - LEFT - RIGHT) / 2, H - 15, "middle", "black", xLabel);
        int cy = TOP + (H - TOP - BOTTOM) / 2;
        s.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s</text>%n",
                cy, cy, escape(yLabel)));
    }

    /** One "x,y x,y ..." point list per unbroken run of finite points. */
    private static List<String> polylines(Series c, double[] xr, double[] yr) {
        List<String> lines = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= c.x.length; i++) {
            boolean finite = i < c.x.length && Double.isFinite(c.x[i]) && Double.isFinite(c.y[i]);
            if (finite) {
                run.append(run.length() == 0 ? "" : " ").append(px(c.x[i], xr)).append(',').append(py(c.y[i], yr));
            } else if (run.length() > 0) {
                lines.add(run.toString());
                run.setLength(0);
            }
        }
        return lines;
    }

    private static void text(StringBuilder s, int x, int y, String anchor, String color, String text) {
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, anchor, color, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int px(double x, double[] r) {
        return (int) Math.round(LEFT + (x - r[0]) / (r[1] - r[0]) * (W - LEFT - RIGHT));
    }

    private static int py(double y, double[] r) {
        return (int) Math.round(H - BOTTOM - (y - r[0]) / (r[1] - r[0]) * (H - TOP - BOTTOM));
    }
}
