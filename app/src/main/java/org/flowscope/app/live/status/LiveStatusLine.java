package org.flowscope.app.live.status;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.flowscope.app.progress.TerminalLine;

/**
 * The {@code live} progress line: totals and an ETA for finite runs, rate, latency, windows, losses split into frames
 * the camera lost and windows skipped, the stages' fields, and why nothing is flowing when it is not. The first time
 * quality values appear, a legend line says what they measure.
 */
public final class LiveStatusLine implements Consumer<LiveSnapshot> {
    static final String QUALITY_LEGEND = "quality: frc(raw) = FRC resolution of each sampled window's even- vs odd-frame "
            + "raw means (what the raw data support); decorr(SR) = decorrelation resolution of the reconstruction";

    private final TerminalLine line;
    private boolean legendShown;

    public LiveStatusLine(TerminalLine line) {
        this.line = line;
    }

    @Override
    public void accept(LiveSnapshot s) {
        legend(s);
        line.show(render(s));
    }

    /** Prints the last snapshot and ends the line. */
    public void finish(LiveSnapshot s) {
        legend(s);
        line.finish(render(s));
    }

    /** A message on its own line (e.g. "stopping: 3 windows left"). */
    public void note(String message) {
        line.note(message);
    }

    private void legend(LiveSnapshot s) {
        if (!legendShown && s.fields().keySet().stream().anyMatch(k -> k.startsWith("frc") || k.startsWith("decorr"))) {
            legendShown = true;
            line.note(QUALITY_LEGEND);
        }
    }

    /** The line's text. */
    public static String render(LiveSnapshot s) {
        StringBuilder sb = new StringBuilder();
        if (s.totalFrames() != null) {
            long pct = s.totalFrames() == 0 ? 100 : Math.min(100, s.frames() * 100 / s.totalFrames());
            sb.append(String.format(Locale.ROOT, "frames %d/%d (%d%%)", s.frames(), s.totalFrames(), pct));
        } else {
            sb.append("frames ").append(s.frames());
        }
        sb.append(String.format(Locale.ROOT, " | %.1f fps", s.framesPerSecond()));
        if (s.etaS() != null) {
            sb.append(" | ETA ").append(duration(s.etaS()));
        }
        sb.append(String.format(Locale.ROOT, " | latency %.0f ms", s.latencyMs()));
        sb.append(" | windows ").append(s.windowsDone());
        if (s.totalWindows() != null) {
            sb.append('/').append(s.totalWindows());
        }
        sb.append(" | camera lost ").append(s.cameraLost()).append(" | windows skipped ").append(s.windowsSkipped());
        for (Map.Entry<String, String> f : s.fields().entrySet()) {
            sb.append(" | ").append(f.getKey()).append(' ').append(f.getValue());
        }
        if (s.why() != null) {
            sb.append(" | ").append(s.why());
        }
        return sb.toString();
    }

    /** "42 s", "3:05", "1:02:03". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
