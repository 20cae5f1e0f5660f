package org.flowscope.app.report;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The report's reading of the contributor sections of {@code run.json} it plots: the live drift stage's
 * ({@code drift}) and the quality side branch's ({@code quality}). Unknown keys are ignored, so a section that grows
 * stays readable; a renamed key shows up in the report's tests, which run the stages and read their sections back.
 */
public final class SectionViews {
    private SectionViews() {
    }

    /**
     * The {@code drift} section.
     *
     * @param reference    what the windows were registered to
     * @param pixelSizeNm  input pixel size, nm (null when unknown)
     * @param maxAbsDxPx   largest |dx|, px
     * @param maxAbsDyPx   largest |dy|, px
     * @param windows      one entry per window (drift measured per window), or, from a frame-by-frame analysis
     *                     (where run.json lists {@code blocks}), one entry per measured block of frames
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drift(String reference, Double pixelSizeNm, Double maxAbsDxPx, Double maxAbsDyPx,
                        @JsonAlias("blocks") List<DriftWindow> windows) {
        public Drift {
            windows = windows == null ? List.of() : List.copyOf(windows);
        }
    }

    /**
     * One window's drift: how far the sample moved relative to the reference.
     *
     * @param window      window index (block index for a block of a frame-by-frame analysis)
     * @param centreFrame the frame the estimate belongs to
     * @param dxPx        x drift (columns), px
     * @param dyPx        y drift (rows), px
     * @param similarity  correlation peak height
     * @param measured    false when the previous drift was kept (peak below threshold)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DriftWindow(@JsonAlias("block") long window, double centreFrame, @JsonProperty("dx_px") double dxPx,
                              @JsonProperty("dy_px") double dyPx, double similarity, boolean measured) {
    }

    /**
     * The {@code quality} section.
     *
     * @param every           sampling period, windows
     * @param frcMethod       what the FRC compares
     * @param decorrMethod    what the decorrelation measures
     * @param samplesSeen     windows sampled
     * @param samplesComputed samples computed
     * @param samplesDropped  samples dropped (side thread busy)
     * @param series          one point per computed sample
     * @param frcCurves       the first and the latest FRC curve
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quality(int every, String frcMethod, String decorrMethod, long samplesSeen, long samplesComputed,
                          long samplesDropped, List<QualityPoint> series, List<FrcCurve> frcCurves) {
        public Quality {
            series = series == null ? List.of() : List.copyOf(series);
            frcCurves = frcCurves == null ? List.of() : List.copyOf(frcCurves);
        }
    }

    /**
     * One quality sample; null where not computed.
     *
     * @param window   window index
     * @param frcPx    FRC resolution of the raw halves, input px
     * @param frcNm    the same, nm
     * @param decorrPx decorrelation resolution of the reconstruction, reconstruction px
     * @param decorrNm the same, nm
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QualityPoint(long window, Double frcPx, Double frcNm, Double decorrPx, Double decorrNm) {
    }

    /**
     * An FRC curve.
     *
     * @param window    the sampled window
     * @param frequency ring frequencies, cycles per input pixel
     * @param frc       smoothed correlation per ring
     * @param threshold the threshold (1/7)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrcCurve(long window, double[] frequency, double[] frc, double threshold) {
    }
}
