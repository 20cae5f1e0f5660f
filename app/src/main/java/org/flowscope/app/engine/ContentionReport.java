package org.flowscope.app.engine;

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

/**
 * Summary, CSV and PNG plot of a contention experiment: the same call sequence with the engine's agent on and off
 * (fixed to the initially fastest candidate), with a second process loading the device during calls
 * [{@code contendFrom}, {@code contendTo}]. Files are written under a temporary name and renamed, so a file that
 * exists is complete.
 */
public final class ContentionReport {

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

    /**
     * Reads a report back from the CSV that {@link #writeCsv} wrote (e.g. to draw the plot on another machine).
     */
    public static ContentionReport readCsv(Path file, String initial, int contendFrom, int contendTo) {
        List<ContentionTrace.Call> on = new ArrayList<>();
        List<ContentionTrace.Call> off = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length != 6) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 6 fields, got " + f.length);
                }
                int call = Integer.parseInt(f[0]);
                boolean contended = Boolean.parseBoolean(f[1]);
                on.add(new ContentionTrace.Call(call, contended, f[2], Double.parseDouble(f[3])));
                off.add(new ContentionTrace.Call(call, contended, f[4], Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " is not a contention CSV: " + e.getMessage());
        }
        return new ContentionReport(new ContentionTrace("on", on), new ContentionTrace("off", off), initial, contendFrom, contendTo);
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
                        + "  gain %.2fx; moved away (for >= %d calls) %s, came back %s; %d changes of choice",
                contendFrom, contendTo, on.calls().size(), initial,
                s.get("meanOnMs"), s.get("meanOnBeforeMs"), s.get("meanOnDuringMs"), s.get("meanOnAfterMs"),
                s.get("meanOffMs"), s.get("meanOffBeforeMs"), s.get("meanOffDuringMs"), s.get("meanOffAfterMs"),
                gain(), ContentionTrace.SUSTAIN, describe(s.get("callsUntilSwitchAway"), "contended"),
                describe(s.get("callsUntilSwitchBack"), "uncontended"), on.switches());
    }

    private static String describe(Object calls, String what) {
        return calls == null ? "never" : "after " + calls + " " + what + " call(s)";
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

    /** A log-scale plot of per-call times (see {@link ContentionPlot}); needs the java.desktop module. */
    public void writePng(Path file) {
        // no AWT type appears in this class, so it loads on runtimes without java.desktop
        atomically(file, tmp -> ContentionPlot.write(tmp, on, off, initial, contendFrom, contendTo, gain()));
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
