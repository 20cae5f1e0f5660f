package org.flowscope.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowscope.app.run.RunReport.Inputs;
import org.flowscope.app.run.RunReport.LiveParameters;
import org.flowscope.app.run.RunReport.Outputs;
import org.flowscope.app.run.RunReport.PoolStats;
import org.flowscope.app.run.RunReport.StageTiming;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.SourceFormat;

/**
 * Collects what a live run knows as it goes (start, inputs, parameters, the engine's decisions) and makes the
 * {@link RunReport} of each state: running, completed, failed. Not thread-safe: the command's thread uses it.
 */
public final class RunRecorder {
    /** run.json keys of the record itself: a contributor section with one of these names is written as section.NAME. */
    static final Set<String> RESERVED = Arrays.stream(RunReport.class.getRecordComponents())
            .map(RecordComponent::getName).filter(n -> !n.equals("sections")).collect(Collectors.toUnmodifiableSet());

    private final Instant started;
    private final List<String> commandLine;
    private final RunReport.Versions versions = MachineInfo.versions();
    private final RunReport.Machine machine = MachineInfo.machine();
    private Inputs inputs;
    private LiveParameters parameters;
    private DecisionTally decisions;

    public RunRecorder(Instant started, List<String> commandLine) {
        this.started = started;
        this.commandLine = List.copyOf(commandLine);
    }

    /** Records what the source delivers. */
    public void inputs(String sourceSpec, SourceFormat f) {
        inputs = new Inputs(sourceSpec, f.width(), f.height(), f.pixelType().name().toLowerCase(Locale.ROOT),
                f.frameCount().isPresent() ? f.frameCount().getAsLong() : null,
                f.framesPerSecond().isPresent() ? f.framesPerSecond().getAsDouble() : null,
                f.pixelSizeNm().isPresent() ? f.pixelSizeNm().getAsDouble() : null);
    }

    public void parameters(LiveParameters p) {
        parameters = p;
    }

    /** The engine's decisions to report (subscribed by the caller to the run's engine). */
    public void decisions(DecisionTally tally) {
        decisions = tally;
    }

    /** The report of a run in progress (written when it starts, so a crash leaves a trace). */
    public RunReport running() {
        return new RunReport(RunReport.RUNNING, null, versions, machine, started.toString(), null, commandLine, inputs,
                parameters, null, null, null, null, null, null, null, engine(), Map.of());
    }

    /**
     * The report of a completed run: ok, or failed with {@code failures} joined (a run can complete and still fail,
     * e.g. a finite camera run that lost frames).
     */
    public RunReport completed(RunSummary s, Outputs outputs, List<String> failures) {
        Map<String, StageTiming> timings = new LinkedHashMap<>();
        s.timings().forEach((stage, t) -> timings.put(stage, RunReportFile.mapper().convertValue(t, StageTiming.class)));
        Map<String, Object> p = s.pool();
        PoolStats pool = new PoolStats(number(p.get("capacity")), number(p.get("waits")), number(p.get("outstanding")));
        boolean ok = failures.isEmpty();
        return new RunReport(ok ? RunReport.OK : RunReport.FAILED, ok ? null : String.join("; ", failures), versions,
                machine, started.toString(), s.elapsedMs(), commandLine, inputs, parameters, outputs, s.frames(),
                s.framesPerSecond(), new LinkedHashMap<>(s.counters()), timings, pool, new LinkedHashMap<>(s.errors()),
                engine(), sections(withAnalysis(s)));
    }

    /** The contributors' sections and "analysis": frame by frame or whole windows, and how far it trailed at the end. */
    private static Map<String, Object> withAnalysis(RunSummary s) {
        Map<String, Object> all = new LinkedHashMap<>(s.sections());
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("mode", s.analysis());
        analysis.put("endLagMs", s.endLagMs());
        all.putIfAbsent("analysis", analysis);
        return all;
    }

    /** The report of a run that did not complete, with the sections its contributors could still give. */
    public RunReport failed(String error, double elapsedMs, Map<String, Object> sections) {
        return new RunReport(RunReport.FAILED, error, versions, machine, started.toString(), elapsedMs, commandLine, inputs,
                parameters, null, null, null, null, null, null, null, engine(), sections(sections));
    }

    private RunReport.EngineDecisions engine() {
        return decisions == null ? null : decisions.report().orElse(null);
    }

    private static Map<String, JsonNode> sections(Map<String, Object> raw) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (v != null) {
                out.put(RESERVED.contains(k) ? "section." + k : k, RunReportFile.tree(v));
            }
        });
        return out;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
