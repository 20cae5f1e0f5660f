package org.flowscope.core.pipeline;

import java.util.Map;

/**
 * What a live run did: counters by stage ({@link org.flowscope.core.stream.RunCounters}), timings by stage
 * ({@link org.flowscope.core.stream.StageStats#toMap()}), contributor sections for {@code run.json}.
 *
 * @param frames     frames ingested
 * @param elapsedMs  wall time of the run, ms
 * @param counters   counter name → value
 * @param timings    stage name → timing statistics (ms)
 * @param sections   contributor section name → content
 * @param pool       frame-pool statistics (capacity, waits, outstanding)
 * @param errors     side-branch error messages by section (empty when none failed)
 * @param analysis   "stream" when the stages worked frame by frame as frames arrived, "window" when on whole windows
 * @param endLagMs   from the arrival of the last frame to the end of the run (every result written, side branches
 *                   finished), ms: how far the analysis trailed the acquisition when it ended
 */
public record RunSummary(long frames, double elapsedMs, Map<String, Long> counters, Map<String, Map<String, Object>> timings,
                         Map<String, Object> sections, Map<String, Object> pool, Map<String, String> errors,
                         String analysis, double endLagMs) {

    /** A summary of a run analysed on whole windows, without an end lag (reports built outside a pipeline). */
    public RunSummary(long frames, double elapsedMs, Map<String, Long> counters, Map<String, Map<String, Object>> timings,
            Map<String, Object> sections, Map<String, Object> pool, Map<String, String> errors) {
        this(frames, elapsedMs, counters, timings, sections, pool, errors, "window", 0);
    }

    /** Mean ingest rate over the whole run, frames/s. */
    public double framesPerSecond() {
        return elapsedMs <= 0 ? 0 : frames * 1e3 / elapsedMs;
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
