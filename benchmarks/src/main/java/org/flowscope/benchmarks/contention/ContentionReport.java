package org.flowscope.benchmarks.contention;

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
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Summary, CSV and PNG plot of a contention experiment: the same call sequence with the engine's agent on and off
 * (fixed to the initially fastest candidate), with a second process loading the device during calls
 * [{@code contendFrom}, {@code contendTo}], and the oracle: per call the faster of the candidates when each is forced
 * through the same schedule ({@link ContentionTrace#oracle}). Files are written under a temporary name and renamed,
 * so a file that exists is complete.
 */
public final class ContentionReport {

    private final ContentionTrace on;
    private final ContentionTrace off;
    private final Optional<ContentionTrace> oracle;
    private final String initial;
    private final int contendFrom;
    private final int contendTo;

    /** {@code oracle} is empty only for reports read back from CSVs written before the oracle was measured. */
    public ContentionReport(ContentionTrace on, ContentionTrace off, Optional<ContentionTrace> oracle, String initial,
            int contendFrom, int contendTo) {
        if (on.calls().size() != off.calls().size()
                || oracle.map(o -> o.calls().size() != on.calls().size()).orElse(false)) {
            throw new IllegalArgumentException("on, off and oracle traces must have the same length, got "
                    + on.calls().size() + ", " + off.calls().size() + " and " + oracle.map(o -> o.calls().size()).orElse(0));
        }
        this.on = on;
        this.off = off;
        this.oracle = oracle;
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
        List<ContentionTrace.Call> best = new ArrayList<>();
        int fields;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            // 8 fields since the oracle is measured, 6 in files written before
            fields = lines.isEmpty() ? 0 : lines.get(0).split(",").length;
            if (fields != 6 && fields != 8) {
                throw new IllegalArgumentException(file + " is not a contention CSV: header '"
                        + (lines.isEmpty() ? "" : lines.get(0)) + "'");
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length != fields) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + fields + " fields, got " + f.length);
                }
                int call = Integer.parseInt(f[0]);
                boolean contended = Boolean.parseBoolean(f[1]);
                on.add(new ContentionTrace.Call(call, contended, f[2], Double.parseDouble(f[3])));
                off.add(new ContentionTrace.Call(call, contended, f[4], Double.parseDouble(f[5])));
                if (fields == 8) {
                    best.add(new ContentionTrace.Call(call, contended, f[6], Double.parseDouble(f[7])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " is not a contention CSV: " + e.getMessage());
        }
        Optional<ContentionTrace> oracle = fields == 8 ? Optional.of(new ContentionTrace("oracle", best)) : Optional.empty();
        return new ContentionReport(new ContentionTrace("on", on), new ContentionTrace("off", off), oracle, initial,
                contendFrom, contendTo);
    }

    /** Mean time with the engine off over mean time with it on. */
    public double gain() {
        return off.meanMillis() / on.meanMillis();
    }

    /** Mean time with the engine on over the oracle's mean (1.0 = as good as the per-call best); NaN without oracle. */
    public double onOverOracle() {
        return oracle.map(o -> on.meanMillis() / o.meanMillis()).orElse(Double.NaN);
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
        m.put("meanOracleMs", oracleMean(1, Integer.MAX_VALUE));
        m.put("meanOracleBeforeMs", oracleMean(1, contendFrom - 1));
        m.put("meanOracleDuringMs", oracleMean(contendFrom, contendTo));
        m.put("meanOracleAfterMs", oracleMean(contendTo + 1, Integer.MAX_VALUE));
        m.put("onOverOracle", finiteOrNull(onOverOracle()));
        m.put("callsUntilSwitchAway", orNull(on.callsUntilSwitchAway(contendFrom, initial)));
        m.put("callsUntilSwitchBack", orNull(on.callsUntilSwitchBack(contendTo, initial)));
        m.put("switches", on.switches());
        return m;
    }

    private Double oracleMean(int from, int to) {
        return oracle.map(o -> finiteOrNull(o.meanMillis(from, to))).orElse(null);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
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
                        + "%s"
                        + "  gain %.2fx; moved away (for >= %d calls) %s, came back %s; %d changes of choice",
                contendFrom, contendTo, on.calls().size(), initial,
                s.get("meanOnMs"), s.get("meanOnBeforeMs"), s.get("meanOnDuringMs"), s.get("meanOnAfterMs"),
                s.get("meanOffMs"), s.get("meanOffBeforeMs"), s.get("meanOffDuringMs"), s.get("meanOffAfterMs"),
                oracleLine(s), gain(), ContentionTrace.SUSTAIN, describe(s.get("callsUntilSwitchAway"), "contended"),
                describe(s.get("callsUntilSwitchBack"), "uncontended"), on.switches());
    }

    private String oracleLine(Map<String, Object> s) {
        if (oracle.isEmpty()) {
            return "  oracle    : not measured (a CSV written before the oracle)%n".formatted();
        }
        return String.format(Locale.ROOT, "  oracle    : mean %.2f ms (before %s, during %s, after %s), the per-call faster"
                + " candidate when each is forced; engine on / oracle %.3f%n", s.get("meanOracleMs"),
                fmt(s.get("meanOracleBeforeMs")), fmt(s.get("meanOracleDuringMs")), fmt(s.get("meanOracleAfterMs")),
                onOverOracle());
    }

    private static String fmt(Object ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.2f", (Double) ms);
    }

    private static String describe(Object calls, String what) {
        return calls == null ? "never" : "after " + calls + " " + what + " call(s)";
    }

    /**
     * {@code call,contended,on_choice,on_ms,off_choice,off_ms,oracle_choice,oracle_ms}, one row per call; the oracle
     * columns are left out when there is no oracle.
     */
    public void writeCsv(Path file) {
        atomically(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("call,contended,on_choice,on_ms,off_choice,off_ms" + (oracle.isPresent() ? ",oracle_choice,oracle_ms" : "") + "\n");
                for (int i = 0; i < on.calls().size(); i++) {
                    ContentionTrace.Call a = on.calls().get(i);
                    ContentionTrace.Call b = off.calls().get(i);
                    w.write(String.format(Locale.ROOT, "%d,%b,%s,%.4f,%s,%.4f", a.index(), a.contended(), a.choice(),
                            a.millis(), b.choice(), b.millis()));
                    if (oracle.isPresent()) {
                        ContentionTrace.Call o = oracle.get().calls().get(i);
                        w.write(String.format(Locale.ROOT, ",%s,%.4f", o.choice(), o.millis()));
                    }
                    w.write('\n');
                }
            }
        });
    }

    /** A log-scale plot of per-call times (see {@link ContentionPlot}); needs the java.desktop module. */
    public void writePng(Path file) {
        // no AWT type appears in this class, so it loads on runtimes without java.desktop
        atomically(file, tmp -> ContentionPlot.write(tmp, on, off, oracle, initial, contendFrom, contendTo, gain()));
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
