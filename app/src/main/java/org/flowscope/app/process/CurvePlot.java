package org.flowscope.app.process;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small line plot rendered with java.awt (headless) to PNG: one or more series over a shared x axis, optional
 * horizontal and vertical marker lines. Written atomically (temporary name, then rename).
 */
final class CurvePlot {
    private static final int W = 800;
    private static final int H = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd)};

    private record Series(String label, double[] x, double[] y, Color color, float width) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double hLine = Double.NaN;
    private String hLabel = "";
    private double vLine = Double.NaN;
    private String vLabel = "";

    CurvePlot(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    CurvePlot series(String label, double[] x, double[] y, float width) {
        series.add(new Series(label, x, y, PALETTE[series.size() % PALETTE.length], width));
        return this;
    }

    CurvePlot horizontal(double y, String label) {
        hLine = y;
        hLabel = label;
        return this;
    }

    CurvePlot vertical(double x, String label) {
        vLine = x;
        vLabel = label;
        return this;
    }

    void write(Path png) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.isFinite(hLine) ? hLine : Double.POSITIVE_INFINITY;
        double yMax = Double.isFinite(hLine) ? hLine : Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    xMin = Math.min(xMin, s.x[i]);
                    xMax = Math.max(xMax, s.x[i]);
                    yMin = Math.min(yMin, s.y[i]);
                    yMax = Math.max(yMax, s.y[i]);
                }
            }
        }
        if (!(xMax > xMin)) {
            xMax = xMin + 1;
        }
        if (!(yMax > yMin)) {
            yMax = yMin + 1;
        }
        double pad = 0.05 * (yMax - yMin);
        yMin -= pad;
        yMax += pad;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawAxes(g, xMin, xMax, yMin, yMax);
            if (Double.isFinite(hLine)) {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                int y = py(hLine, yMin, yMax);
                g.drawLine(LEFT, y, W - RIGHT, y);
                g.drawString(hLabel, W - RIGHT - g.getFontMetrics().stringWidth(hLabel) - 4, y - 4);
            }
            if (Double.isFinite(vLine) && vLine >= xMin && vLine <= xMax) {
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(1f));
                int x = px(vLine, xMin, xMax);
                g.drawLine(x, TOP, x, H - BOTTOM);
                g.drawString(vLabel, x + 4, TOP + 14);
            }
            int legendY = TOP + 14;
            for (Series s : series) {
                g.setColor(s.color);
                g.setStroke(new BasicStroke(s.width));
                Path2D path = new Path2D.Double();
                boolean started = false;
                for (int i = 0; i < s.x.length; i++) {
                    if (!Double.isFinite(s.y[i]) || !Double.isFinite(s.x[i])) {
                        started = false;
                        continue;
                    }
                    if (started) {
                        path.lineTo(px(s.x[i], xMin, xMax), py(s.y[i], yMin, yMax));
                    } else {
                        path.moveTo(px(s.x[i], xMin, xMax), py(s.y[i], yMin, yMax));
                        started = true;
                    }
                }
                g.draw(path);
                g.drawString(s.label, W - RIGHT - 220, legendY + 20);
                legendY += 16;
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 24);
        } finally {
            g.dispose();
        }
        Path tmp = png.resolveSibling(png.getFileName() + ".partial");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IllegalStateException("no PNG writer available");
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png, e);
        }
    }

    private void drawAxes(Graphics2D g, double xMin, double xMax, double yMin, double yMax) {
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            double xv = xMin + (xMax - xMin) * i / 5;
            int x = px(xv, xMin, xMax);
            g.drawLine(x, H - BOTTOM, x, H - BOTTOM + 5);
            String t = String.format("%.3g", xv);
            g.drawString(t, x - g.getFontMetrics().stringWidth(t) / 2, H - BOTTOM + 20);
            double yv = yMin + (yMax - yMin) * i / 5;
            int y = py(yv, yMin, yMax);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String u = String.format("%.2f", yv);
            g.drawString(u, LEFT - 8 - g.getFontMetrics().stringWidth(u), y + 4);
        }
        g.drawString(xLabel, LEFT + (W - LEFT - RIGHT) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 15);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel, -(TOP + (H - TOP - BOTTOM) / 2) - g.getFontMetrics().stringWidth(yLabel) / 2, 18);
        r.dispose();
    }

    private static int px(double x, double min, double max) {
        return (int) Math.round(LEFT + (x - min) / (max - min) * (W - LEFT - RIGHT));
    }

    private static int py(double y, double min, double max) {
        return (int) Math.round(H - BOTTOM - (y - min) / (max - min) * (H - TOP - BOTTOM));
    }
}
