package org.flowscope.app.live.status;

import java.util.List;
import java.util.Map;
import org.flowscope.app.run.DecisionTally;

/**
 * What a live run is doing, a few times per second: the progress line and the preview page both show it.
 *
 * @param elapsedS        seconds since the run started
 * @param phase           where the run is
 * @param frames          frames acquired so far
 * @param totalFrames     frames the source will deliver; null when open-ended
 * @param framesPerSecond acquisition rate over the last few seconds
 * @param latencyMs       median time from a window's last frame to its result being written, ms
 * @param windowsDone     windows analysed
 * @param windowsSkipped  windows skipped by {@code --policy skip} (counted, never analysed)
 * @param totalWindows    windows the run will have; null when open-ended
 * @param windowsLeft     windows formed from the frames acquired so far and not yet analysed or skipped
 * @param etaS            seconds until the end of a finite run, when the rates allow an estimate; null otherwise
 * @param cameraLost      frames the source itself lost (sequence gaps)
 * @param sideSkipped     side branch → results it skipped because it was busy (latest wins; not data losses)
 * @param why             why the rate is 0 or the analysis is stuck, in words; null when all is flowing
 * @param fields          the stages' progress fields, label → text
 * @param values          the stages' latest values, key → number ({@code drift.dx_px}, {@code quality.frc_nm}, ...)
 * @param engine          the engine's latest choice per operation
 */
public record LiveSnapshot(double elapsedS, Phase phase, long frames, Long totalFrames, double framesPerSecond,
                           double latencyMs, long windowsDone, long windowsSkipped, Long totalWindows, long windowsLeft,
                           Double etaS, long cameraLost, Map<String, Long> sideSkipped, String why,
                           Map<String, String> fields, Map<String, Double> values, List<DecisionTally.Latest> engine) {
    /** Where a run is. */
    public enum Phase {
        /** No frame yet. */
        STARTING,
        /** Frames are coming. */
        RUNNING,
        /** The source has ended; the last windows are being analysed. */
        FINISHING,
        /** Ctrl-C: the source was asked to stop; the windows acquired are being analysed. */
        STOPPING,
        /** The pipeline has returned. */
        DONE
    }

    /** Whether anything was lost: frames by the camera or windows skipped. */
    public boolean losing() {
        return cameraLost > 0 || windowsSkipped > 0;
    }
}
