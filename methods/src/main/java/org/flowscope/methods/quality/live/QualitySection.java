package org.flowscope.methods.quality.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * The {@code quality} section of {@code run.json}, written by the live quality branch ({@link QualityMonitor}) and read
 * back by the run report (FRC curves, resolution trend). Unknown keys are ignored when it is read.
 *
 * @param every            sampling period, windows
 * @param frcMethod        what the FRC compares
 * @param decorrMethod     what the decorrelation measures
 * @param samplesSeen      windows sampled
 * @param samplesComputed  samples computed
 * @param samplesDropped   samples dropped (side thread busy)
 * @param samplesFailed    samples that failed
 * @param samplesCancelled samples still running at the end of the run, cancelled
 * @param firstError       the first failure (absent when none failed)
 * @param latest           the latest sample (absent before the first)
 * @param series           one point per sample that ended, in order
 * @param frcCurves        the first and the latest FRC curve
 */
public record QualitySection(int every, String frcMethod, String decorrMethod, long samplesSeen, long samplesComputed,
                             long samplesDropped, long samplesFailed, long samplesCancelled,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String firstError,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Point latest, List<Point> series,
                             List<FrcCurve> frcCurves) {
    public QualitySection {
        series = series == null ? List.of() : List.copyOf(series);
        frcCurves = frcCurves == null ? List.of() : List.copyOf(frcCurves);
    }

    /**
     * One sample; resolutions are null where not computed.
     *
     * @param window    window index
     * @param outcome   computed, failed or cancelled
     * @param frcPx     FRC resolution of the raw halves, input px
     * @param frcNm     the same, nm
     * @param decorrPx  decorrelation resolution of the reconstruction, reconstruction px
     * @param decorrNm  the same, nm
     * @param elapsedMs time the sample took
     * @param detail    why it failed or was cancelled (absent otherwise)
     */
    public record Point(long window, String outcome, Double frcPx, Double frcNm, Double decorrPx, Double decorrNm,
                        double elapsedMs, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
        static Point of(QualitySample s) {
            return new Point(s.window(), s.outcome().name().toLowerCase(Locale.ROOT), finiteOrNull(s.frcPx()),
                    finiteOrNull(s.frcNm()), finiteOrNull(s.decorrPx()), finiteOrNull(s.decorrNm()), s.elapsedMs(), s.detail());
        }

        private static Double finiteOrNull(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /**
     * An FRC curve.
     *
     * @param window    the sampled window
     * @param frequency ring frequencies, cycles per input pixel
     * @param frc       smoothed correlation per ring
     * @param threshold the threshold (1/7)
     */
    public record FrcCurve(long window, double[] frequency, double[] frc, double threshold) {
    }
}
