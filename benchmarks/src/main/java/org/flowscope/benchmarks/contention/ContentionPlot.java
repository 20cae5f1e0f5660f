package org.flowscope.benchmarks.contention;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contention plot: per-call time on a log scale, engine on coloured by the candidate that ran, engine off in
 * red, the oracle (per-call faster forced candidate) as a thin black line, the contended calls shaded. Kept apart from {@link ContentionReport} because it needs java.desktop, which the
 * trimmed GPU-machine runtime leaves out.
 */
final class ContentionPlot {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

    private ContentionPlot() {
    }

    /** Draws the plot into a PNG file. */
    static void write(java.nio.file.Path png, ContentionTrace on, ContentionTrace off, Optional<ContentionTrace> oracle,
            String initial, int contendFrom, int contendTo, double gain) throws java.io.IOException {
        if (!javax.imageio.ImageIO.write(draw(on, off, oracle, initial, contendFrom, contendTo, gain), "png", png.toFile())) {
            throw new java.io.IOException("no PNG writer available");
        }
    }

    /** Draws the plot. */
    static BufferedImage draw(ContentionTrace on, ContentionTrace off, Optional<ContentionTrace> oracle, String initial,
            int contendFrom, int contendTo, double gain) {
        int width = 1500;
        int height = 700;
        int left = 80;
        int right = 430;
        int top = 50;
        int bottom = 60;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int n = on.calls().size();
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (ContentionTrace t : List.of(on, off)) {
                for (ContentionTrace.Call c : t.calls()) {
                    lo = Math.min(lo, c.millis());
                    hi = Math.max(hi, c.millis());
                }
            }
            double logLo = Math.floor(Math.log10(Math.max(lo, 1e-3)) * 4) / 4;
            double logHi = Math.ceil(Math.log10(Math.max(hi, lo * 1.01)) * 4) / 4;
            if (logHi <= logLo) {
                logHi = logLo + 0.25;
            }
            int pw = width - left - right;
            int ph = height - top - bottom;
            final double fLo = logLo;
            final double fHi = logHi;
            java.util.function.IntUnaryOperator xOf = i -> left + (int) Math.round((i - 1) * (double) pw / Math.max(1, n - 1));
            java.util.function.DoubleToIntFunction yOf = ms ->
                    top + ph - (int) Math.round((Math.log10(Math.max(ms, 1e-3)) - fLo) / (fHi - fLo) * ph);
            g.setColor(new Color(0xeeeeee));
            g.fillRect(xOf.applyAsInt(Math.max(1, contendFrom)), top,
                    Math.max(1, xOf.applyAsInt(Math.min(n, contendTo)) - xOf.applyAsInt(Math.max(1, contendFrom))), ph);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.GRAY);
            for (double d = Math.floor(logLo); d <= logHi + 1e-9; d += 1) {
                for (int m = 1; m < 10; m++) {
                    double v = Math.pow(10, d) * m;
                    double lv = Math.log10(v);
                    if (lv < logLo || lv > logHi) {
                        continue;
                    }
                    int y = yOf.applyAsInt(v);
                    g.setColor(m == 1 ? Color.GRAY : new Color(0xdddddd));
                    g.drawLine(left, y, left + pw, y);
                    if (m == 1 || m == 2 || m == 5) {
                        g.setColor(Color.DARK_GRAY);
                        g.drawString(fmt(v), 8, y + 4);
                    }
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, pw, ph);
            int step = n > 200 ? 50 : n > 50 ? 10 : 5;
            for (int i = step; i <= n; i += step) {
                int x = xOf.applyAsInt(i);
                g.drawLine(x, top + ph, x, top + ph + 5);
                g.drawString(Integer.toString(i), x - 10, top + ph + 20);
            }
            g.drawString("call", left + pw / 2, height - 15);
            g.drawString("time per call (ms, log scale)", 8, top - 15);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(String.format(Locale.ROOT, "contention calls %d-%d: mean on %.2f ms, off %.2f ms, gain %.2fx%s",
                    contendFrom, contendTo, on.meanMillis(), off.meanMillis(), gain, oracle.map(o -> String.format(
                            Locale.ROOT, "; oracle %.2f ms, on / oracle %.3f", o.meanMillis(), on.meanMillis() / o.meanMillis()))
                            .orElse("")), left, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawSeries(g, off, c -> new Color(0xd62728), xOf, yOf, 1.0f);
            List<String> choices = new ArrayList<>();
            for (ContentionTrace.Call c : on.calls()) {
                if (!choices.contains(c.choice())) {
                    choices.add(c.choice());
                }
            }
            drawSeries(g, on, c -> PALETTE[Math.min(choices.indexOf(c.choice()), PALETTE.length - 1)], xOf, yOf, 1.5f);
            oracle.ifPresent(o -> drawLine(g, o, xOf, yOf));
            int ly = top + 10;
            int lx = left + pw + 15;
            g.setColor(new Color(0xd62728));
            g.fillRect(lx, ly, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("engine off: " + shorten(initial), lx + 18, ly + 11);
            for (int i = 0; i < choices.size(); i++) {
                ly += 22;
                g.setColor(PALETTE[Math.min(i, PALETTE.length - 1)]);
                g.fillOval(lx, ly, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString("engine on: " + shorten(choices.get(i)), lx + 18, ly + 11);
            }
            if (oracle.isPresent()) {
                ly += 22;
                g.setColor(Color.BLACK);
                g.fillRect(lx, ly + 5, 12, 2);
                g.drawString("oracle: per call the faster, forced", lx + 18, ly + 11);
            }
            ly += 22;
            g.setColor(new Color(0xdddddd));
            g.fillRect(lx, ly, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("device under load", lx + 18, ly + 11);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawSeries(Graphics2D g, ContentionTrace t, java.util.function.Function<ContentionTrace.Call, Color> color,
            java.util.function.IntUnaryOperator xOf, java.util.function.DoubleToIntFunction yOf, float stroke) {
        g.setStroke(new BasicStroke(stroke));
        int px = -1;
        int py = -1;
        for (ContentionTrace.Call c : t.calls()) {
            int x = xOf.applyAsInt(c.index());
            int y = yOf.applyAsInt(c.millis());
            Color col = color.apply(c);
            if (px >= 0) {
                g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 110));
                g.drawLine(px, py, x, y);
            }
            g.setColor(col);
            g.fillOval(x - 2, y - 2, 5, 5);
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawLine(Graphics2D g, ContentionTrace t, java.util.function.IntUnaryOperator xOf,
            java.util.function.DoubleToIntFunction yOf) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        for (int i = 1; i < t.calls().size(); i++) {
            ContentionTrace.Call a = t.calls().get(i - 1);
            ContentionTrace.Call b = t.calls().get(i);
            g.drawLine(xOf.applyAsInt(a.index()), yOf.applyAsInt(a.millis()), xOf.applyAsInt(b.index()), yOf.applyAsInt(b.millis()));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static String shorten(String s) {
        return s.length() <= 36 ? s : s.substring(0, 35) + "…";
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

}
