package org.flowscope.app.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;

/**
 * Summary, CSV and PNG plot of a contention experiment: the same call sequence with the engine's agent on and off
 * (fixed to the initially fastest candidate), with a second process loading the device during calls
 * [{@code contendFrom}, {@code contendTo}]. Files are written under a temporary name and renamed, so a file that
 * exists is complete.
 */
public final class ContentionReport {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

    private final ContentionTrace on;
    private final ContentionTrace off;
    private final String initial;
    private final int contendFrom;
    private final int contendTo;

    public ContentionReport(ContentionTrace on, ContentionTrace off, String initial, int contendFrom, int contendTo) {
        if (on.calls().size() != off.calls().size()) {
            throw new IllegalArgumentException("on and off traces must have the same length, got "
                    + on.calls().size() + " and " + off.calls().size());
        }
        this.on = on;
        this.off = off;
        this.initial = initial;
        this.contendFrom = contendFrom;
        this.contendTo = contendTo;
    }

    /** Mean time with the engine off over mean time with it on. */
    public double gain() {
        return off.meanMillis() / on.meanMillis();
    }

    /** The figures the command prints and puts into its JSON. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", on.calls().size());
        m.put("contendFrom", contendFrom);
        m.put("contendTo", contendTo);
        m.put("initialChoice", initial);
        m.put("meanOnMs", on.meanMillis());
        m.put("meanOffMs", off.meanMillis());
        m.put("gain", gain());
        m.put("meanOnBeforeMs", on.meanMillis(1, contendFrom - 1));
        m.put("meanOnDuringMs", on.meanMillis(contendFrom, contendTo));
        m.put("meanOnAfterMs", on.meanMillis(contendTo + 1, Integer.MAX_VALUE));
        m.put("meanOffBeforeMs", off.meanMillis(1, contendFrom - 1));
        m.put("meanOffDuringMs", off.meanMillis(contendFrom, contendTo));
        m.put("meanOffAfterMs", off.meanMillis(contendTo + 1, Integer.MAX_VALUE));
        m.put("callsUntilSwitchAway", orNull(on.callsUntilSwitchAway(contendFrom, initial)));
        m.put("callsUntilSwitchBack", orNull(on.callsUntilSwitchBack(contendTo, initial)));
        m.put("switches", on.switches());
        return m;
    }

    private static Integer orNull(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    /** Human summary lines. */
    public String text() {
        Map<String, Object> s = summary();
        return String.format(Locale.ROOT,
                "contention calls %d-%d of %d, initially fastest %s%n"
                        + "  engine on : mean %.2f ms (before %.2f, during %.2f, after %.2f)%n"
                        + "  engine off: mean %.2f ms (before %.2f, during %.2f, after %.2f)%n"
                        + "  gain %.2fx; switched away after %s call(s) of contention, back after %s call(s); %d switches",
                contendFrom, contendTo, on.calls().size(), initial,
                s.get("meanOnMs"), s.get("meanOnBeforeMs"), s.get("meanOnDuringMs"), s.get("meanOnAfterMs"),
                s.get("meanOffMs"), s.get("meanOffBeforeMs"), s.get("meanOffDuringMs"), s.get("meanOffAfterMs"),
                gain(), describe(s.get("callsUntilSwitchAway")), describe(s.get("callsUntilSwitchBack")), on.switches());
    }

    private static String describe(Object calls) {
        return calls == null ? "never" : calls.toString();
    }

    /** {@code call,contended,on_choice,on_ms,off_choice,off_ms}, one row per call. */
    public void writeCsv(Path file) {
        atomically(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("call,contended,on_choice,on_ms,off_choice,off_ms\n");
                for (int i = 0; i < on.calls().size(); i++) {
                    ContentionTrace.Call a = on.calls().get(i);
                    ContentionTrace.Call b = off.calls().get(i);
                    w.write(String.format(Locale.ROOT, "%d,%b,%s,%.4f,%s,%.4f%n",
                            a.index(), a.contended(), a.choice(), a.millis(), b.choice(), b.millis()));
                }
            }
        });
    }

    /** A log-scale plot of per-call times, engine on coloured by choice, engine off in red, contention shaded. */
    public void writePng(Path file) {
        int width = 1400;
        int height = 700;
        int left = 80;
        int right = 330;
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
            for (double d = Math.ceil(logLo); d <= logHi + 1e-9; d += 1) {
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
            g.drawString(String.format(Locale.ROOT, "contention calls %d-%d: mean on %.2f ms, off %.2f ms, gain %.2fx",
                    contendFrom, contendTo, on.meanMillis(), off.meanMillis(), gain()), left, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawSeries(g, off, c -> new Color(0xd62728), xOf, yOf, 1.0f);
            List<String> choices = new ArrayList<>();
            for (ContentionTrace.Call c : on.calls()) {
                if (!choices.contains(c.choice())) {
                    choices.add(c.choice());
                }
            }
            drawSeries(g, on, c -> PALETTE[Math.min(choices.indexOf(c.choice()), PALETTE.length - 1)], xOf, yOf, 1.5f);
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
            ly += 22;
            g.setColor(new Color(0xdddddd));
            g.fillRect(lx, ly, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("device under load", lx + 18, ly + 11);
        } finally {
            g.dispose();
        }
        atomically(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
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

    private static String shorten(String s) {
        return s.length() <= 42 ? s : s.substring(0, 40) + "…";
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private interface IoAction {
        void write(Path tmp) throws IOException;
    }

    private static void atomically(Path file, IoAction action) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        try {
            Files.createDirectories(abs.getParent());
            action.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure matters more
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
