package org.flowscope.spark;

import java.io.Serializable;
import org.flowscope.methods.drift.DriftCorrectionParams;
import org.flowscope.methods.drift.DriftParams;
import org.flowscope.methods.drift.DriftReference;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * {@code batch --drift}: the drift of {@code process drift-estimate --reference first --time-averaging EVERY
 * --max-shift PX}, undone as {@code process drift-apply --interpolator K --border B} before eSRRF; in a form Spark ships
 * to its executors (and {@code run.json} records, so a re-run with other settings does not take the folder as its own).
 *
 * @param every        frames averaged per measured block (the drift between block centres is a natural cubic
 *                     spline, as drift-estimate's {@code --time-averaging})
 * @param maxShiftPx   largest drift per axis searched, px (0: half the frame)
 * @param interpolator resampling of the correction
 * @param border       what fills the uncovered border
 */
public record DriftSettings(int every, double maxShiftPx, Kernel interpolator, Border border) implements Serializable {
    public DriftSettings {
        if (every < 1) {
            throw new IllegalArgumentException("--drift-every must be >= 1 frame, got " + every);
        }
        if (!(maxShiftPx >= 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("--drift-max-shift must be a finite number >= 0 px, got " + maxShiftPx);
        }
        if (interpolator == null || border == null) {
            throw new IllegalArgumentException("--drift-interpolator and --drift-border must be given, got "
                    + interpolator + ", " + border);
        }
    }

    /** The estimation's parameters, against the first block's mean. */
    public DriftParams estimation(double pixelSizeNm) {
        return new DriftParams(DriftReference.FIRST, every, maxShiftPx, pixelSizeNm);
    }

    public DriftCorrectionParams correction() {
        return new DriftCorrectionParams(interpolator, border);
    }
}
