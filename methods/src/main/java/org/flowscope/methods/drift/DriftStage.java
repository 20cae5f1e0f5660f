package org.flowscope.methods.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.StreamStage;
import org.flowscope.core.pipeline.Streamable;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.crosscorrelation.CrossCorrelation;

/**
 * The live drift stage, a {@link RunContributor} whose {@code run.json} section "drift" holds the trace and whose
 * progress field shows the latest drift.
 * <ul>
 * <li>Streaming ({@link Streamable}): a {@link DriftStreamStage} measures blocks of frames as they arrive and gives
 *     each frame its shift; the operator undoes it (eSRRF in its own interpolation, average by resampling).</li>
 * <li>Whole windows ({@link WindowOperator}): each window is measured and returned with its frames resampled
 *     ({@link LiveDriftCorrector}).</li>
 * </ul>
 */
public final class DriftStage implements WindowOperator, Streamable, RunContributor {
    private final Engine engine;
    private final RunOptions selection;
    private final ImageStack reference;
    private final LiveDriftCorrector corrector;
    private final String referenceName;
    private final double maxShift;
    private final DriftCorrectionParams correction;
    private final int every;
    private final OptionalDouble pixelSizeNm;
    private volatile DriftStreamStage streaming;
    private volatile String latest = "-";
    /** The latest (window, dx, dy), published as one immutable value so a reader never mixes two windows. */
    private volatile double[] latestValues;

    /**
     * @param engine    runs the cross-correlation and correction operations; owned by the caller
     * @param selection the command line's engine selection, applied to both operations
     * @param every     frames per measured block when streaming (0: the stream's unit of work)
     */
    public DriftStage(Engine engine, RunOptions selection, ImageStack reference, String referenceName, double maxShift,
            DriftCorrectionParams correction, int every, OptionalDouble pixelSizeNm) {
        this.engine = engine;
        this.selection = selection;
        this.reference = reference;
        this.corrector = new LiveDriftCorrector(measurer(), (p, in) -> engine.run(new DriftCorrection(), p, in, selection),
                reference, maxShift, correction);
        this.referenceName = referenceName;
        this.maxShift = maxShift;
        this.correction = correction;
        this.every = every;
        this.pixelSizeNm = pixelSizeNm;
    }

    private ShiftMeasurer measurer() {
        return (p, in) -> engine.run(new CrossCorrelation(), p, in, selection);
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
    public StreamStage openStream(StreamLayout layout, SourceFormat format) {
        int block = every > 0 ? every : layout.unit();
        DriftStreamStage stage = new DriftStreamStage(measurer(), reference, maxShift, correction, block,
                layout.window(), format.height(), format.width());
        streaming = stage;
        return new StreamStage() {
            @Override
            public String name() {
                return stage.name();
            }

            @Override
            public void frame(StreamFrame frame, Downstream out) {
                stage.frame(frame, out);
                showLatest();
            }

            @Override
            public void windowEnd(WindowEnd end, Downstream out) {
                stage.windowEnd(end, out);
            }

            @Override
            public void finish(Downstream out) {
                stage.finish(out);
                showLatest();
            }

            @Override
            public void discard() {
                stage.discard();
            }

            private void showLatest() {
                DriftStreamStage.BlockDrift last = stage.latest();
                if (last != null) {
                    latest = String.format(Locale.ROOT, "(%.2f, %.2f) px", last.dx(), last.dy());
                    // drift.window identifies the measurement (the preview plots each new one): here its block
                    latestValues = new double[] {last.block(), last.dx(), last.dy()};
                }
            }
        };
    }

    @Override
    public String section() {
        return "drift";
    }

    @Override
    public Object runJsonSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", referenceName == null ? "first-window" : referenceName);
        m.put("maxShiftPx", maxShift);
        m.put("pixelSizeNm", pixelSizeNm.isPresent() ? pixelSizeNm.getAsDouble() : null);
        double maxDx = 0;
        double maxDy = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        DriftStreamStage s = streaming;
        if (s != null) {
            m.put("applied", "per frame, as the sub-pixel offset of the operator's own interpolation (eSRRF), "
                    + "else by resampling with " + correction.interpolator().name());
            m.put("framesPerMeasurement", s.every());
            for (DriftStreamStage.BlockDrift b : s.trace()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("block", b.block());
                e.put("firstFrame", b.firstPosition());
                e.put("frames", b.frames());
                e.put("centreFrame", b.centre());
                put(e, b.dx(), b.dy());
                e.put("similarity", b.similarity());
                e.put("measured", b.measured());
                rows.add(e);
                maxDx = Math.max(maxDx, Math.abs(b.dx()));
                maxDy = Math.max(maxDy, Math.abs(b.dy()));
            }
            m.put("blocks", rows);
        } else {
            m.put("applied", "per window, frames resampled with " + correction.interpolator().name());
            m.put("interpolator", correction.interpolator().name());
            m.put("border", correction.border().name());
            for (var w : corrector.trace()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("window", w.window());
                e.put("firstFrame", w.firstFrame());
                e.put("frames", w.frames());
                e.put("centreFrame", w.centreFrame());
                put(e, w.dx(), w.dy());
                e.put("similarity", w.similarity());
                e.put("measured", w.measured());
                rows.add(e);
                maxDx = Math.max(maxDx, Math.abs(w.dx()));
                maxDy = Math.max(maxDy, Math.abs(w.dy()));
            }
            m.put("windows", rows);
        }
        m.put("maxAbsDxPx", maxDx);
        m.put("maxAbsDyPx", maxDy);
        return m;
    }

    private void put(Map<String, Object> e, double dx, double dy) {
        e.put("dx_px", dx);
        e.put("dy_px", dy);
        if (pixelSizeNm.isPresent()) {
            e.put("dx_nm", dx * pixelSizeNm.getAsDouble());
            e.put("dy_nm", dy * pixelSizeNm.getAsDouble());
        }
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
