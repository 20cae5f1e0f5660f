package org.flowscope.app.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run.json}: what a live run read, how it was configured, what it wrote, what it counted and timed, how it
 * ended, the software and the machine, the engine's decisions, and one top-level section per
 * {@link org.flowscope.core.pipeline.RunContributor} ({@code camera}, {@code replay}, {@code drift}, {@code quality},
 * {@code mm}, ...). Written and read back by Jackson ({@link RunReportFile}); the report ({@code report.html}) is
 * rebuilt from it.
 *
 * <p>The contributors' sections stay at the top level of the JSON (users and scripts read {@code run["drift"]}), so
 * they are kept in {@link #sections} and flattened by {@link JsonAnyGetter}/{@link JsonAnySetter}; a contributor
 * whose section name is one of this record's own keys is written as {@code section.<name>}. The sections are
 * contributor-owned values kept as JSON trees; {@link #section(String, Class)} reads one as a typed record.
 *
 * @param status           {@code running}, {@code ok} or {@code failed}
 * @param error            why the run failed; null otherwise
 * @param flowscope        software versions
 * @param machine          the computer it ran on
 * @param startedUtc       start time, ISO-8601
 * @param elapsedMs        wall time of the run, ms; null while running
 * @param commandLine      the command's arguments as given
 * @param inputs           what the source delivers
 * @param parameters       windowing, operator chain and backpressure settings
 * @param outputs          files written; null until the run completed
 * @param frames           frames ingested; null until the run completed
 * @param framesPerSecond  mean ingest rate, frames/s; null until the run completed
 * @param counters         counter name → value ({@link org.flowscope.core.stream.RunCounters}); null until completed
 * @param timings          stage name → timing statistics; null until completed
 * @param pool             frame-pool statistics; null until completed
 * @param sideBranchErrors side branch → first error; null until completed
 * @param decisions        the engine's choices, per operation and candidate; null when no engine ran
 * @param sections         contributor section name → content
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "error", "flowscope", "machine", "startedUtc", "elapsedMs", "commandLine", "inputs",
        "parameters", "outputs", "frames", "framesPerSecond", "counters", "timings", "pool", "sideBranchErrors",
        "decisions"})
public record RunReport(String status, String error, Versions flowscope, Machine machine, String startedUtc,
                        Double elapsedMs, List<String> commandLine, Inputs inputs, LiveParameters parameters,
                        Outputs outputs, Long frames, Double framesPerSecond, Map<String, Long> counters,
                        Map<String, StageTiming> timings, PoolStats pool, Map<String, String> sideBranchErrors,
                        EngineDecisions decisions,
                        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> sections) {
    /** Status of a run in progress. */
    public static final String RUNNING = "running";
    /** Status of a run that completed. */
    public static final String OK = "ok";
    /** Status of a run that failed (see {@link #error}). */
    public static final String FAILED = "failed";
    /** Status of a killed run whose partial files {@code flowscope recover} saved. */
    public static final String RECOVERED = "recovered";

    public RunReport {
        sections = sections == null ? new LinkedHashMap<>() : new LinkedHashMap<>(sections);
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** The contributor section {@code name} read as {@code type}, or empty when the run has none. */
    public <T> Optional<T> section(String name, Class<T> type) {
        JsonNode node = sections.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(RunReportFile.convert(node, type, name));
    }

    /** A counter's value, 0 when absent. */
    public long counter(String name) {
        return counters == null ? 0 : counters.getOrDefault(name, 0L);
    }

    /**
     * Software versions.
     *
     * @param version flowscope's version ("dev" when run from classes)
     * @param java    the Java runtime's version
     * @param os      operating system name and architecture
     * @param cores   processors available to the JVM
     * @param reactor Project Reactor's version
     */
    public record Versions(String version, String java, String os, int cores, String reactor) {
    }

    /**
     * The computer.
     *
     * @param host        host name
     * @param os          operating system name and version
     * @param arch        CPU architecture
     * @param cpu         CPU model (from /proc/cpuinfo where there is one)
     * @param cores       processors available to the JVM
     * @param memoryBytes physical memory, bytes (0 when unknown)
     * @param maxHeapBytes the JVM's heap limit, bytes
     */
    public record Machine(String host, String os, String arch, String cpu, int cores, long memoryBytes, long maxHeapBytes) {
    }

    /**
     * What the source delivers.
     *
     * @param source          the {@code --source} spec
     * @param width           frame width, px
     * @param height          frame height, px
     * @param pixelType       u8, u16 or f32
     * @param frameCount      frames it will deliver; null when open-ended
     * @param framesPerSecond its nominal rate; null when unknown or unpaced
     * @param pixelSizeNm     pixel size, nm; null when unknown
     */
    public record Inputs(String source, int width, int height, String pixelType, Long frameCount, Double framesPerSecond,
                         Double pixelSizeNm) {
    }

    /**
     * How the run was configured.
     *
     * @param window   frames per window
     * @param step     frames between window starts
     * @param op       the operator
     * @param stages   the operator chain, in order
     * @param policy   analysis backpressure: lag or skip
     * @param lagSpool windows that may wait under lag
     * @param fps      the {@code --fps} given; null when not given
     * @param frames   the {@code --frames} given; null when not given
     * @param saveRaw  whether raw frames were saved
     * @param preview  the preview page's address; null without {@code --preview}
     */
    public record LiveParameters(int window, int step, String op, List<String> stages, String policy, int lagSpool,
                                 Double fps, Long frames, boolean saveRaw, String preview) {
    }

    /**
     * Files written.
     *
     * @param result       the reconstruction stack
     * @param resultFrames frames in it
     * @param raw          the raw stack; null without {@code --save-raw}
     * @param truth        ground-truth files of a simulated recording, by kind (emitters, drift, truth)
     * @param runJson      this file
     * @param report       the HTML report
     * @param format       the stacks' file format ({@code --format})
     */
    public record Outputs(String result, long resultFrames, String raw, Map<String, String> truth, String runJson,
                          String report, String format) {
    }

    /**
     * Timing statistics of one stage, ms.
     *
     * @param count   calls
     * @param totalMs sum
     * @param meanMs  mean
     * @param minMs   minimum
     * @param p50Ms   median
     * @param p95Ms   95th percentile
     * @param p99Ms   99th percentile
     * @param maxMs   maximum
     */
    public record StageTiming(long count, double totalMs, double meanMs, double minMs, double p50Ms, double p95Ms,
                              double p99Ms, double maxMs) {
    }

    /**
     * Frame-pool statistics.
     *
     * @param capacity    frame buffers
     * @param waits       times the source waited for a free buffer
     * @param outstanding buffers not returned at the end (0 unless a stage leaked)
     */
    public record PoolStats(long capacity, long waits, long outstanding) {
    }

    /**
     * The engine's choices during the run, one entry per operation and candidate that ran.
     *
     * @param candidates per operation and implementation@device: calls, reasons, predicted time
     */
    public record EngineDecisions(List<CandidateUse> candidates) {
        public EngineDecisions {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * How often one candidate was chosen for one operation, and why.
     *
     * @param operation        operation id
     * @param implementation   implementation id
     * @param device           device label
     * @param calls            times chosen for the run's data
     * @param calibrations     times run on the engine's small seeded work first, to learn its time
     * @param reasons          reason → times (calibrations included)
     * @param medianExpectedMs median of the time the agent expected when choosing it, ms (null when never known)
     * @param firstDetail      the first choice's reason in words
     * @param lastDetail       the last choice's reason in words
     */
    public record CandidateUse(String operation, String implementation, String device, long calls, long calibrations,
                               Map<String, Long> reasons, Double medianExpectedMs, String firstDetail, String lastDetail) {
    }
}
