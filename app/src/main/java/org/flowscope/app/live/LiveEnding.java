package org.flowscope.app.live;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowscope.app.CliOutput;
import org.flowscope.app.report.RunFolderReport;
import org.flowscope.app.run.RunRecorder;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.methods.spi.LiveStage;

/**
 * How a live run ends, in its folder and on the console: why stages and sources fail it, {@code run.json} and
 * {@code report.html} of a run that failed before completing, the report of one that completed, and the summary
 * ({@code --json} or text).
 */
public final class LiveEnding {
    private final List<LiveStage> extensions;
    private final List<LiveExtension> sources;
    private final CliOutput out;

    /**
     * @param extensions every live stage of the run (asked whether the completed run failed)
     * @param sources    the source extensions (asked why a run failed before completing)
     * @param out        the command's output
     */
    public LiveEnding(List<LiveStage> extensions, List<LiveExtension> sources, CliOutput out) {
        this.extensions = List.copyOf(extensions);
        this.sources = List.copyOf(sources);
        this.out = out;
    }

    /** Why stages and extensions fail a completed run (a finite camera run that lost frames, a side branch). */
    public List<String> failures(RunSummary s) {
        List<String> failures = new ArrayList<>();
        for (LiveStage e : extensions) {
            try {
                e.failure(s).ifPresent(failures::add);
            } catch (RuntimeException ex) {
                failures.add(e.name() + ": " + ex);
            }
        }
        return failures;
    }

    /**
     * What the source extensions know about a run that failed before it completed (a camera that lost so many
     * frames that no window filled); asked without a summary, so only the sources are asked, and one that cannot
     * answer is left out rather than hide the original error.
     */
    private List<String> sourceFailures() {
        List<String> failures = new ArrayList<>();
        for (LiveExtension e : sources) {
            try {
                e.failure(null).ifPresent(failures::add);
            } catch (RuntimeException ex) {
                // no verdict without a summary
            }
        }
        return failures;
    }

    /**
     * A run that failed: run.json says why, with the source's own section (what the camera delivered and lost) and
     * what extensions know (the camera's loss explains a run that produced no window).
     */
    public RuntimeException failedRun(RuntimeException e, FrameSource src, RunRecorder json, Path dir, double elapsedMs) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        List<String> reasons = sourceFailures();
        String all = reasons.isEmpty() ? error : error + "; " + String.join("; ", reasons);
        Map<String, Object> sections = new LinkedHashMap<>();
        if (src instanceof RunContributor c) {
            try {
                Object section = c.runJsonSection();
                if (section != null) {
                    sections.put(c.section(), section);
                }
            } catch (RuntimeException ex) {
                e.addSuppressed(ex);
            }
        }
        RunReportFile.write(dir.resolve(RunReportFile.NAME), json.failed(all, elapsedMs, sections));
        writeReport(dir);
        if (reasons.isEmpty() || e instanceof IllegalArgumentException) {
            reasons.forEach(r -> out.spec().commandLine().getErr().println("flowscope: " + r));
            return e;
        }
        // the original error is the first part of the message already: kept as suppressed, not repeated as a cause
        IllegalStateException failed = new IllegalStateException(all);
        failed.addSuppressed(e);
        return failed;
    }

    /**
     * Writes report.html from run.json and the files. The run's data is complete without it, so a report that cannot
     * be made is said on stderr (and can be rebuilt with 'flowscope report DIR') rather than failing the run.
     */
    public boolean writeReport(Path dir) {
        try {
            RunFolderReport.write(dir, Optional.empty());
            return true;
        } catch (RuntimeException e) {
            out.spec().commandLine().getErr().println("flowscope: could not write " + dir.resolve(RunFolderReport.NAME) + ": "
                    + e.getMessage() + " (rebuild it with 'flowscope report " + dir + "')");
            return false;
        }
    }

    /**
     * What {@code live --json} prints.
     *
     * @param status           ok, or failed (the outputs are kept; stderr says why)
     * @param frames           frames ingested
     * @param framesPerSecond  mean ingest rate
     * @param elapsedMs        wall time, ms
     * @param windowsProcessed windows analysed
     * @param windowsSkipped   windows skipped under {@code --policy skip}
     * @param cameraLost       frames the source lost
     * @param counters         every counter
     * @param outputs          the files written (flattened into the result)
     */
    public record LiveResult(String status, long frames, double framesPerSecond, double elapsedMs, long windowsProcessed,
                      long windowsSkipped, long cameraLost, Map<String, Long> counters,
                      @JsonUnwrapped RunReport.Outputs outputs) {
    }

    public void report(RunSummary s, RunReport.Outputs outputs, boolean ok) {
        LiveResult r = new LiveResult(ok ? RunReport.OK : RunReport.FAILED, s.frames(), s.framesPerSecond(), s.elapsedMs(),
                s.counter(RunCounters.ANALYSIS_PROCESSED),
                s.counter(RunCounters.ANALYSIS_SKIPPED), s.counter(RunCounters.CAMERA_LOST), s.counters(), outputs);
        StringBuilder human = new StringBuilder(String.format("live: %d frames in %.1f s (%.1f fps), %d window(s) analysed, %d skipped, %d lost by the camera",
                s.frames(), s.elapsedMs() / 1e3, s.framesPerSecond(), s.counter(RunCounters.ANALYSIS_PROCESSED),
                s.counter(RunCounters.ANALYSIS_SKIPPED), s.counter(RunCounters.CAMERA_LOST)));
        Map<String, Object> latency = s.timings().get("latency");
        if (latency != null && latency.get("count") instanceof Number n && n.longValue() > 0) {
            human.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "latency p50 %.0f ms, p99 %.0f ms; ended %.2f s after the last frame (%s analysis)",
                    ((Number) latency.get("p50Ms")).doubleValue(), ((Number) latency.get("p99Ms")).doubleValue(),
                    s.endLagMs() / 1e3, s.analysis()));
        }
        human.append(System.lineSeparator()).append("counters: ").append(s.counters());
        human.append(System.lineSeparator()).append("wrote ").append(outputs.result());
        if (outputs.raw() != null) {
            human.append(", ").append(outputs.raw());
        }
        human.append(", ").append(outputs.runJson());
        if (outputs.report() != null) {
            human.append(", ").append(outputs.report());
        }
        out.result(r, human.toString());
    }
}
