package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;

/**
 * eSRRF, enhanced super-resolution radial fluctuations (methods spec §4): a window of {@code F} frames
 * {@code (F, H, W)} becomes a time series {@code (T, H M, W M)} float32, {@code T = ceil(F / framesPerTimePoint)}.
 *
 * <p>Per frame: the image is magnified by M with Catmull-Rom ({@code Imag}); Roberts-cross gradients are
 * interpolated to a half-pixel lattice; each output pixel gets the radial gradient convergence of the lattice
 * samples within about the radius (see {@link org.flowscope.methods.rgc.Rgc} for the
 * formula), raised to the sensitivity and multiplied by {@code Imag} (intensity weighting). Per time point the
 * frames are reduced by AVG (mean), VAR (population variance) or TAC2 (lag-1 auto-covariance), then, optionally,
 * the macro-pixel correction divides each of the M&times;M sub-pixel phases by its mean. Units: output intensity is
 * input intensity times a dimensionless convergence in [0, 1] (AVG), its square (VAR, TAC2), or 1 after the
 * macro-pixel correction.
 *
 * <p><b>Geometry.</b> Input pixel {@code k} covers [k, k+1) and has its centre at {@code k + 0.5}; so does output
 * pixel {@code i} on the grid M times finer, with centre {@code (i + 0.5)/M} in input pixels.
 * <ul>
 * <li>{@link Geometry#CENTRED} (default) samples the magnified image at {@code (i + 0.5)/M} and the gradients where
 *     the Roberts-cross stencil is centred (pixel corners), with the sample window centred on the output pixel: an
 *     emitter at input position (x, y) appears at (x M, y M) on the output grid. Every output pixel is computed;
 *     interpolation taps beyond the border repeat the edge value.</li>
 * <li>{@link Geometry#NANOPYX} reproduces NanoPyx 2.1.2: its interpolators are sampled at {@code i/M} instead of
 *     the pixel centre, and the Roberts-cross gradient at index {@code k} (centred on the corner {@code k}) is
 *     treated as if centred at {@code k + 0.5}. The gradient field, and hence the image, lands about half an
 *     input pixel down and right of the sample. A margin of {@code trunc(radius M)} output pixels is 0.</li>
 * </ul>
 *
 * <p>Literature: R. F. Laine, H. S. Heil et al., "High-fidelity 3D live-cell nanoscopy through data-driven enhanced
 * super-resolution radial fluctuation", Nat. Methods 20, 1949-1956 (2023); NanoPyx, Saraiva et al., Nat. Methods
 * 22 (2025).
 */
public final class Esrrf implements Operation<EsrrfParams, ImageStack, ImageStack>,
        BenchmarkInputs<EsrrfParams, ImageStack, ImageStack> {
    public static final String ID = "esrrf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(EsrrfParams p, ImageStack in) {
        long out = (long) in.frameSize() * p.magnification() * p.magnification();
        if (out > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("magnified frame too large: " + in.height() + "x" + in.width()
                    + " x " + p.magnification() + "^2 = " + out + " pixels (max " + Integer.MAX_VALUE / 4 + ")");
        }
        int block = p.blockLength(in.frames());
        int last = in.frames() - (p.timePoints(in.frames()) - 1) * block;
        if (p.temporal() == TemporalCorrelation.TAC2 && Math.min(block, last) < 2) {
            throw new IllegalArgumentException("TAC2 needs at least 2 frames in every time point, got a block of "
                    + Math.min(block, last) + " (frames " + in.frames() + ", frames per time point "
                    + p.framesPerTimePoint() + ")");
        }
    }

    @Override
    public WorkShape shape(EsrrfParams p, ImageStack in) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("magnification", Integer.toString(p.magnification()));
        m.put("radius", Float.toString(p.radius()));
        m.put("temporal", p.temporal().name());
        m.put("geometry", p.geometry().name());
        m.put("intensityWeighting", Boolean.toString(p.intensityWeighting()));
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", m);
    }

    @Override
    public double cost(EsrrfParams p, ImageStack in) {
        int n = 2 * p.rgc().latticeHalfWidth() + 1;
        return (double) in.frames() * in.frameSize() * p.magnification() * p.magnification() * (n * n + 16);
    }

    /**
     * Seeded blinking frames ({@link SyntheticFrames}). With {@code spec.kernel() == 0}: the benchmark setting,
     * x5, radius 1.5, AVG, centred. With {@code kernel = M > 0}: magnification M and, from the seed, a radius among
     * 0.5..3, a statistic (TAC2 only with 2 frames or more), a geometry and the on/off options, so that a sweep of
     * M and seeds covers the parameter space.
     */
    @Override
    public Case<EsrrfParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        ImageStack in = SyntheticFrames.blinking(spec.frames(), spec.height(), spec.width(), seed);
        EsrrfParams p = EsrrfParams.defaults();
        if (spec.kernel() > 0) {
            int s = (int) Math.floorMod(seed, 60L);
            float[] radii = {0.5f, 1f, 1.5f, 2f, 3f};
            TemporalCorrelation stat = TemporalCorrelation.values()[s % 3];
            if (stat == TemporalCorrelation.TAC2 && spec.frames() < 2) {
                stat = TemporalCorrelation.VAR;
            }
            p = p.withMagnification(Math.min(spec.kernel(), 10)).withRadius(radii[s % 5]).withTemporal(stat)
                    .withGeometry(s % 2 == 0 ? Geometry.CENTRED : Geometry.NANOPYX)
                    .withIntensityWeighting(s % 4 != 3).withMacroPixelCorrection(s % 7 != 5);
        }
        return new Case<>(p, in, spec.width() + "x" + spec.height() + "x" + spec.frames() + " x" + p.magnification()
                + " r" + p.radius() + " " + p.temporal() + " " + p.geometry().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public float[] values(ImageStack output) {
        return output.data();
    }

    @Override
    public String toString() {
        return ID;
    }

    /** Every implementation stays within 1e-4 of the largest reference value. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-4);
    }
}
