package org.flowscope.methods.drift;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Drift correction: frame t is translated by {@code (-dx[t], -dy[t])},
 * {@code out_t(x, y) = in_t(x + dx[t], y + dy[t])}, with the chosen {@link Kernel} (spec &sect;8.3).
 *
 * <p>Difference from NanoPyx: NanoPyx calls OpenCV {@code warpAffine} with bilinear interpolation, which rounds
 * every source position to 1/32 px (INTER_BITS = 5), i.e. up to 1/64 px position error and a drift-dependent blur.
 * Here the weights are computed from the exact fractional shift in double precision (Lanczos-3 by default, with
 * pixel k sampled at k + 0.5 so zero drift returns the input), so nothing is quantised; the correction's own
 * position error is that of the interpolator, measured in DriftCorrectionTest on 1.4 px-sigma beads: Lanczos-3
 * under 0.005 px, Catmull-Rom up to 0.016 px, bilinear up to 0.019 px, Fourier 2e-5 px (exact for band-limited
 * content, but wraps content around the edges). NanoPyx returns frames with zero drift untouched; so do we,
 * because a zero shift is the identity for every interpolator here.
 */
public final class DriftCorrection implements Operation<DriftCorrectionParams, DriftCorrectionInput,
        org.flowscope.core.image.ImageStack>,
        BenchmarkInputs<DriftCorrectionParams, DriftCorrectionInput, org.flowscope.core.image.ImageStack> {
    public static final String ID = "drift-correct";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(DriftCorrectionParams params, DriftCorrectionInput input) {
        var s = input.stack();
        TreeMap<String, String> p = new TreeMap<>();
        p.put("interpolator", params.interpolator().name());
        p.put("border", params.border().name());
        return new WorkShape(ID, List.of(s.frames(), s.height(), s.width()), "f32", p);
    }

    @Override
    public double cost(DriftCorrectionParams params, DriftCorrectionInput input) {
        var s = input.stack();
        // two separable passes of taps() multiply-adds each; an FFT pair for Fourier
        double perPixel = params.interpolator() == Kernel.FOURIER
                ? 4 * Math.log((double) s.frameSize()) / Math.log(2) + 10 : 2.0 * params.interpolator().taps();
        return (double) s.frames() * s.frameSize() * perPixel;
    }

    /** The threaded implementation runs the reference's per-frame code: identical up to float rounding. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-4, 1e-6);
    }

    /** Drifting spots with a seeded drift table of sub-pixel shifts; {@code kernel} is ignored. */
    @Override
    public Case<DriftCorrectionParams, DriftCorrectionInput> benchmarkCase(Spec spec, long seed) {
        var stack = org.flowscope.methods.numerics.scenes.BenchmarkScenes.drifting(spec.frames(), spec.height(), spec.width(), seed);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 1);
        double[] dx = new double[spec.frames()];
        double[] dy = new double[spec.frames()];
        for (int t = 0; t < dx.length; t++) {
            dx[t] = 4 * (r.nextDouble() - 0.5);
            dy[t] = 4 * (r.nextDouble() - 0.5);
        }
        double limit = Math.min(spec.width(), spec.height()) - 1;
        for (int t = 0; t < dx.length; t++) {
            dx[t] = Math.max(-limit, Math.min(limit, dx[t]));
            dy[t] = Math.max(-limit, Math.min(limit, dy[t]));
        }
        return new Case<>(DriftCorrectionParams.defaults(), new DriftCorrectionInput(stack, new DriftTable(dx, dy, 0)),
                spec.width() + "x" + spec.height() + "x" + spec.frames() + " Lanczos-3 shifts");
    }

    @Override
    public float[] values(org.flowscope.core.image.ImageStack output) {
        return output.data();
    }

    @Override
    public String toString() {
        return ID;
    }
}
