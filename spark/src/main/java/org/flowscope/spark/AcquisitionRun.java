package org.flowscope.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.flowscope.app.run.RunReport;

/**
 * The {@code run.json} of one acquisition of a batch, in its output folder; written last, after the result, so a
 * folder with an {@code ok} run.json is complete (a re-run skips it).
 *
 * @param driver     the machine that assembled and wrote the result
 * @param parameters the operation's parameters; a re-run with other parameters does not take this output as its own
 * @param blocks     every Spark task: frames read, output frames made, where it ran and on what
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcquisitionRun(String status, RunReport.Versions flowscope, RunReport.Machine driver, String startedUtc,
        double elapsedMs, List<String> commandLine, String master, Input input, String operation,
        EsrrfSettings parameters, Output output, List<Block> blocks, Map<String, Integer> implementations) {

    public static final String NAME = "run.json";

    public record Input(String file, String format, int frames, int width, int height, String pixelType,
            Double pixelSizeNm, Double frameIntervalMs) {
    }

    public record Output(String file, String format, int frames, int width, int height, Double pixelSizeNm,
            Double frameIntervalMs) {
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
