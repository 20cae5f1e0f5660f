package org.flowscope.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code batch.json}: every acquisition of a batch run with how it ended; rewritten (atomically) after each one, so
 * it shows the progress of a running batch and survives a killed one.
 *
 * @param status {@code running}, then {@code ok} (nothing failed) or {@code failed} (some acquisition failed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchSummary(String status, String startedUtc, Double elapsedMs, String master, List<String> commandLine,
        String out, int acquisitions, int ok, int skipped, int failed, List<Entry> entries) {

    public static final String NAME = "batch.json";
    public static final String HTML = "batch.html";

    /**
     * One acquisition.
     *
     * @param status   {@code ok} (computed now), {@code skipped} (complete from an earlier run), {@code failed},
     *                 {@code pending}
     * @param error    why it failed, naming the problem
     * @param badInput the failure is the input's (corrupt, unreadable, too short), not the machine's
     * @param seconds  wall time from its submission to its run.json
     */
    public record Entry(String input, String output, String status, String error, Boolean badInput, Integer frames,
            Integer timePoints, Integer blocks, Double seconds, List<String> implementations) {

        static Entry pending(BatchInputs.Acquisition a, String output) {
            return new Entry(a.input().toString(), output, "pending", null, null, null, null, null, null, null);
        }
    }
}
