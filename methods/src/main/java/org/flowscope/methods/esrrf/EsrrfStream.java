package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * eSRRF of a frame stream, window by window, with each frame's drift undone inside eSRRF's own interpolation: for
 * every complete window {@code e} (frames {@code [e S, e S + N)}), the {@link Esrrf} image of its frames (one time
 * point, same statistic and macro-pixel correction), where frame {@code f}'s map samples the magnified image and
 * the gradient lattice at their usual positions plus the frame's shift {@code (dx_f, dy_f)} (see
 * {@link EsrrfCpu#frameMap}). With zero shifts each window equals {@code Esrrf} of its frames; with a drift, one
 * interpolation replaces a separate drift correction followed by eSRRF's two.
 *
 * <p>Output {@code (windows, H M, W M)}. Implementations compute each frame's map once, when it arrives, and make
 * overlapping windows from shared partial sums ({@link EsrrfSession}); the reference recomputes every window.
 */
public final class EsrrfStream implements Operation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        BenchmarkInputs<EsrrfStreamParams, EsrrfStreamInput, ImageStack> {
    public static final String ID = "esrrf-stream";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(EsrrfStreamParams p, EsrrfStreamInput in) {
        ImageStack f = in.frames();
        // the size limits of one magnified frame; a window's statistic is checked by the window length
        new Esrrf().validate(p.esrrf().withTemporal(TemporalCorrelation.AVG), f.frames(0, 1));
        if (f.frames() < p.window()) {
            throw new IllegalArgumentException("a window of " + p.window() + " frames needs at least that many, got "
                    + f.frames());
        }
    }

    @Override
    public WorkShape shape(EsrrfStreamParams p, EsrrfStreamInput in) {
        return shape(p, in.frames().frames(), in.frames().height(), in.frames().width(), "f32");
    }

    /**
     * The shape of {@code frames} frames of {@code height x width} {@code pixelType} pixels; a live stream is timed
     * per unit of frames, so its shapes have the unit's frame count.
     */
    public static WorkShape shape(EsrrfStreamParams p, int frames, int height, int width, String pixelType) {
        TreeMap<String, String> m = new TreeMap<>();
        EsrrfParams e = p.esrrf();
        m.put("magnification", Integer.toString(e.magnification()));
        m.put("radius", Float.toString(e.radius()));
        m.put("temporal", e.temporal().name());
        m.put("geometry", e.geometry().name());
        m.put("intensityWeighting", Boolean.toString(e.intensityWeighting()));
        return new WorkShape(ID, List.of(frames, height, width), pixelType, m);
    }

    @Override
    public double cost(EsrrfStreamParams p, EsrrfStreamInput in) {
        return cost(p, in.frames().frames(), in.frames().height(), in.frames().width());
    }

    /** Work of {@code frames} frames: each frame's map once. */
    public static double cost(EsrrfStreamParams p, int frames, int height, int width) {
        EsrrfParams e = p.esrrf();
        int n = 2 * e.rgc().latticeHalfWidth() + 1;
        return (double) frames * height * width * e.magnification() * e.magnification() * (n * n + 16);
    }

    /**
     * Seeded blinking frames with a seeded random-walk drift of up to a few tenths of a pixel per frame, windows of
     * two thirds of the frames every third of a window. {@code kernel = M > 0} sweeps parameters as {@link Esrrf}
     * does.
     */
    @Override
    public Case<EsrrfStreamParams, EsrrfStreamInput> benchmarkCase(Spec spec, long seed) {
        Case<EsrrfParams, ImageStack> base = new Esrrf().benchmarkCase(spec, seed);
        int frames = spec.frames();
        EsrrfParams e = base.params();
        if (e.temporal() == TemporalCorrelation.TAC2 && frames < 2) {
            e = e.withTemporal(TemporalCorrelation.AVG);
        }
        int window = Math.max(e.temporal() == TemporalCorrelation.TAC2 ? 2 : 1, (2 * frames + 2) / 3);
        int step = Math.max(1, window / 3);
        float[] dx = new float[frames];
        float[] dy = new float[frames];
        Random r = new Random(seed ^ 0x5eed);
        for (int f = 1; f < frames; f++) {
            dx[f] = dx[f - 1] + (float) (0.3 * r.nextGaussian());
            dy[f] = dy[f - 1] + (float) (0.3 * r.nextGaussian());
        }
        EsrrfStreamParams p = new EsrrfStreamParams(e, window, step);
        return new Case<>(p, new EsrrfStreamInput(base.input(), dx, dy),
                base.label() + " window " + window + " step " + step + " drifting");
    }

    @Override
    public float[] values(ImageStack output) {
        return output.data();
    }

    /** As {@link Esrrf}: within 1e-4 of the largest reference value. */
    @Override
    public Tolerance tolerance() {
        return new Esrrf().tolerance();
    }

    @Override
    public String toString() {
        return ID;
    }
}
