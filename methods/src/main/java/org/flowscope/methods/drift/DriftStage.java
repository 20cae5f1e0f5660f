package org.flowscope.methods.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.Engine;
import org.flowscope.methods.crosscorrelation.CrossCorrelation;
import org.flowscope.engine.RunOptions;

/**
 * The live drift stage: a {@link WindowOperator} returning each window with its frames drift-corrected (same shape),
 * and a {@link RunContributor} whose {@code run.json} section "drift" holds the trace (one entry per window) and
 * whose progress field shows the latest drift.
 */
public final class DriftStage implements WindowOperator, RunContributor {
    private final Engine engine;
    private final LiveDriftCorrector corrector;
    private final String referenceName;
    private final double maxShift;
    private final DriftCorrectionParams correction;
    private final OptionalDouble pixelSizeNm;
    private volatile String latest = "-";
    /** The latest (window, dx, dy), published as one immutable value so a reader never mixes two windows. */
    private volatile double[] latestValues;

    /**
     * @param engine    runs the cross-correlation and correction operations; owned by the caller
     * @param selection the command line's engine selection, applied to both operations
     */
    public DriftStage(Engine engine, RunOptions selection, ImageStack reference, String referenceName, double maxShift, DriftCorrectionParams correction,
            OptionalDouble pixelSizeNm) {
        this.engine = engine;
        this.corrector = new LiveDriftCorrector((p, in) -> engine.run(new CrossCorrelation(), p, in, selection),
                (p, in) -> engine.run(new DriftCorrection(), p, in, selection), reference, maxShift, correction);
        this.referenceName = referenceName;
        this.maxShift = maxShift;
        this.correction = correction;
        this.pixelSizeNm = pixelSizeNm;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        ImageStack out = corrector.apply(window, context.firstSequence());
        var last = corrector.trace().get(corrector.trace().size() - 1);
        latest = String.format(Locale.ROOT, "(%.2f, %.2f) px", last.dx(), last.dy());
        latestValues = new double[] {last.window(), last.dx(), last.dy()};
        return out;
    }

    @Override
    public String section() {
        return "drift";
    }

    @Override
    public DriftSection runJsonSection() {
        Double nm = pixelSizeNm.isPresent() ? pixelSizeNm.getAsDouble() : null;
        double maxDx = 0;
        double maxDy = 0;
        List<DriftSection.Window> windows = new ArrayList<>();
        for (var w : corrector.trace()) {
            windows.add(new DriftSection.Window(w.window(), w.firstFrame(), w.frames(), w.centreFrame(), w.dx(), w.dy(),
                    nm == null ? null : w.dx() * nm, nm == null ? null : w.dy() * nm, w.similarity(), w.measured()));
            maxDx = Math.max(maxDx, Math.abs(w.dx()));
            maxDy = Math.max(maxDy, Math.abs(w.dy()));
        }
        return new DriftSection(referenceName == null ? "first-window" : referenceName, maxShift,
                correction.interpolator().name(), correction.border().name(), nm, maxDx, maxDy, windows);
    }

    @Override
    public Map<String, String> progressFields() {
        return Map.of("drift", latest);
    }

    @Override
    public Map<String, Double> progressValues() {
        double[] v = latestValues;
        if (v == null) {
            return Map.of();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("drift.window", v[0]);
        m.put("drift.dx_px", v[1]);
        m.put("drift.dy_px", v[2]);
        if (pixelSizeNm.isPresent()) {
            m.put("drift.dx_nm", v[1] * pixelSizeNm.getAsDouble());
            m.put("drift.dy_nm", v[2] * pixelSizeNm.getAsDouble());
        }
        return m;
    }
}
