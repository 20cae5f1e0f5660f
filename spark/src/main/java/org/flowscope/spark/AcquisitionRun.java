package org.flowscope.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.flowscope.app.run.RunReport;
import org.flowscope.methods.quality.live.QualitySection;

/**
 * The {@code run.json} of one acquisition of a batch, in its output folder; written last, after the result, so a
 * folder with an {@code ok} run.json is complete (a re-run skips it).
 *
 * @param driver     the machine that assembled and wrote the result
 * @param parameters the operation's parameters; a re-run with other parameters does not take this output as its own
 * @param blocks     every Spark task: frames read, output frames made, where it ran and on what
 * @param calls      every engine call of the acquisition, as "operation: implementation on device" → calls
 * @param drift      with {@code --drift}: the drift table's file, the settings and each measured block
 * @param quality    with {@code --quality}: FRC and decorrelation of every time point (the live quality section's form,
 *                   which the report reads)
 * @param report     the acquisition's report, {@code report.html}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcquisitionRun(String status, RunReport.Versions flowscope, RunReport.Machine driver, String startedUtc,
        double elapsedMs, List<String> commandLine, String master, Input input, String operation,
        EsrrfSettings parameters, Output output, List<Block> blocks, Map<String, Integer> implementations,
        Map<String, Integer> calls, Drift drift, QualitySection quality, String report) {

    public static final String NAME = "run.json";

    public record Input(String file, String format, int frames, int width, int height, String pixelType,
            Double pixelSizeNm, Double frameIntervalMs) {
    }

    public record Output(String file, String format, int frames, int width, int height, Double pixelSizeNm,
            Double frameIntervalMs) {
    }

    /**
     * The drift stage of {@code --drift}; the fields the live drift section has keep its names, so the report plots it.
     *
     * @param file      the per-frame table, CSV as {@code process drift-estimate} writes it
     * @param reference what every block was registered to
     * @param blocks    each block of {@code settings.every} frames with its measured drift
     */
    public record Drift(String file, String reference, DriftSettings settings, Double pixelSizeNm, double maxAbsDxPx,
            double maxAbsDyPx, List<AcquisitionDrift.Block> blocks) {
    }

    /**
     * One task.
     *
     * @param seconds the engine's compute time, without reading
     */
    public record Block(int index, int firstFrame, int endFrame, int firstTimePoint, int timePoints,
            String implementation, String device, String executor, double seconds) {
    }
}
