package org.flowscope.methods.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CcmPeak;

/**
 * Window-by-window drift correction for a live stream. For each window: the window's mean image is
 * cross-correlated with the running reference (the first window's mean, or an image the user gave) to give the
 * drift at the window's centre frame; each frame's drift is interpolated linearly between the previous window's
 * centre and this one (extrapolated past this centre; constant for the first window); the frames are shifted back
 * by it and handed on. One correlation per window keeps the cost independent of the frame rate; correcting the
 * frames is the per-frame cost.
 *
 * <p>Not thread-safe: windows must arrive in order, one at a time (the live pipeline's concatMap does that).
 */
public final class LiveDriftCorrector {
    /**
     * One window's measurement. {@code dx}/{@code dy}: drift at the window centre, pixels; {@code measured} is false
     * when the correlation peak was below {@link #MIN_SIMILARITY} (an empty or featureless window), in which case the
     * previous window's drift is carried forward instead of a meaningless peak.
     */
    public record WindowDrift(long window, long firstFrame, int frames, double centreFrame, double dx, double dy,
            double similarity, boolean measured) {
    }

    /** Pearson peak below which a window's measurement is not trusted. */
    public static final double MIN_SIMILARITY = 0.2;

    private final ShiftMeasurer measurer;
    private final DriftShifter shifter;
    private final double maxShiftPx;
    private final DriftCorrectionParams correction;
    private final List<WindowDrift> trace = new ArrayList<>();
    private ImageStack reference;
    private final boolean referenceGiven;

    /**
     * @param referenceImage the user's reference (one frame), or null to use the first window's mean
     * @param maxShiftPx     largest drift per axis searched, pixels (0 = half the image)
     */
    public LiveDriftCorrector(ShiftMeasurer measurer, DriftShifter shifter, ImageStack referenceImage, double maxShiftPx,
            DriftCorrectionParams correction) {
        this.measurer = Objects.requireNonNull(measurer, "measurer");
        this.shifter = Objects.requireNonNull(shifter, "shifter");
        this.correction = Objects.requireNonNull(correction, "correction");
        if (!(maxShiftPx >= 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("maxShiftPx must be a finite number >= 0 (0 = no limit), got " + maxShiftPx);
        }
        this.maxShiftPx = maxShiftPx;
        if (referenceImage != null && referenceImage.frames() != 1) {
            throw new IllegalArgumentException("the live drift reference must be one image, got " + referenceImage.frames()
                    + " frames");
        }
        this.reference = referenceImage;
        this.referenceGiven = referenceImage != null;
    }

    /** Measures the window's drift and returns its frames corrected. {@code firstFrame}: stream index of frame 0. */
    public ImageStack apply(ImageStack window, long firstFrame) {
        ImageStack mean = DriftEstimator.blockMeans(window, window.frames(), 1);
        if (reference == null) {
            // a copy: the pipeline may reuse the window's buffer after apply returns
            reference = new ImageStack(1, mean.height(), mean.width(), mean.data().clone());
        }
        if (reference.height() != window.height() || reference.width() != window.width()) {
            throw new IllegalArgumentException("drift reference is " + reference.height() + "x" + reference.width()
                    + " but the window's frames are " + window.height() + "x" + window.width());
        }
        if (maxShiftPx >= Math.max(window.height(), window.width())) {
            throw new IllegalArgumentException("max shift " + maxShiftPx + " px is not smaller than the frames "
                    + window.height() + "x" + window.width());
        }
        CcmPeak p = measurer.measure(new CrossCorrelationParams(maxShiftPx, false), new CrossCorrelationInput(mean, reference)).peaks().get(0);
        double centre = firstFrame + (window.frames() - 1) / 2.0;
        WindowDrift before = trace.isEmpty() ? null : trace.get(trace.size() - 1);
        boolean trusted = p.value() >= MIN_SIMILARITY;
        double mx = trusted ? p.dx() : before == null ? 0 : before.dx();
        double my = trusted ? p.dy() : before == null ? 0 : before.dy();
        WindowDrift now = new WindowDrift(trace.size(), firstFrame, window.frames(), centre, mx, my, p.value(), trusted);
        trace.add(now);
        double[] dx = new double[window.frames()];
        double[] dy = new double[window.frames()];
        for (int i = 0; i < dx.length; i++) {
            double t = firstFrame + i;
            if (before == null || before.centreFrame() == centre) {
                dx[i] = now.dx();
                dy[i] = now.dy();
            } else {
                double a = (t - before.centreFrame()) / (centre - before.centreFrame());
                dx[i] = before.dx() + a * (now.dx() - before.dx());
                dy[i] = before.dy() + a * (now.dy() - before.dy());
            }
        }
        return shifter.correct(correction, new DriftCorrectionInput(window, new DriftTable(dx, dy, 0)));
    }

    /** Every window's measurement so far, in order. */
    public List<WindowDrift> trace() {
        return List.copyOf(trace);
    }

    /** Whether the reference came from the user rather than the first window. */
    public boolean referenceGiven() {
        return referenceGiven;
    }
}
