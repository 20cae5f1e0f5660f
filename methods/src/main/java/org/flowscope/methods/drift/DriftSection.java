package org.flowscope.methods.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code drift} section of {@code run.json}, written by the live {@link DriftStage} and read back by the run
 * report (drift plot). Unknown keys are ignored when it is read, so a section that grows stays readable.
 *
 * @param reference   what the windows were registered to ({@code first-window} or the reference file)
 * @param maxShiftPx  the largest shift searched, px
 * @param interpolator how frames were shifted back
 * @param border      what fills the pixels shifted in
 * @param pixelSizeNm input pixel size, nm (null when unknown)
 * @param maxAbsDxPx  largest |dx|, px
 * @param maxAbsDyPx  largest |dy|, px
 * @param windows     one entry per window
 */
public record DriftSection(String reference, double maxShiftPx, String interpolator, String border, Double pixelSizeNm,
                           double maxAbsDxPx, double maxAbsDyPx, List<Window> windows) {
    public DriftSection {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /**
     * One window's drift: how far the sample moved relative to the reference.
     *
     * @param window      window index
     * @param firstFrame  stream index of its first frame
     * @param frames      frames in it
     * @param centreFrame the frame the estimate belongs to
     * @param dxPx        x drift (columns), px
     * @param dyPx        y drift (rows), px
     * @param dxNm        x drift, nm (absent when the pixel size is unknown)
     * @param dyNm        y drift, nm (absent when the pixel size is unknown)
     * @param similarity  correlation peak height
     * @param measured    false when the previous drift was kept (peak below threshold)
     */
    public record Window(long window, long firstFrame, int frames, double centreFrame, @JsonProperty("dx_px") double dxPx,
                         @JsonProperty("dy_px") double dyPx,
                         @JsonProperty("dx_nm") @JsonInclude(JsonInclude.Include.NON_NULL) Double dxNm,
                         @JsonProperty("dy_nm") @JsonInclude(JsonInclude.Include.NON_NULL) Double dyNm,
                         double similarity, boolean measured) {
    }
}
