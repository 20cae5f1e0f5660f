package org.flowscope.methods.transform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Shift, scale and rotate every frame about its centre: NanoPyx's {@code ShiftScaleRotate} (methods spec &sect;1.3)
 * and its geometrically centred counterpart. The output has the input's shape; output pixel (i, j) is the
 * interpolator at the input position {@link TransformParams.Mapping#y}, {@link TransformParams.Mapping#x} (the inverse
 * map: rotate by the angle, divide by the scales, about the centre, after removing the shift), computed in float32
 * as NanoPyx does. Input pixel {@code k} is the sample at {@code k + 0.5}.
 * <ul>
 *   <li>{@link Sampling#NANOPYX}: integer output coordinates and the centre {@code (H div 2, W div 2)} [quirk]: the
 *       identity transform displaces the image by half a pixel and blurs it (Catmull-Rom, bicubic, Lanczos).</li>
 *   <li>{@link Sampling#CENTRED}: output pixel centres and the true centre {@code (H/2, W/2)}: the identity transform
 *       is the identity, a rotation by 90 degrees of a square image permutes its pixels.</li>
 * </ul>
 * An output pixel whose position falls outside {@code [0, H) x [0, W)} is 0 (corners uncovered by a rotation);
 * NanoPyx's nearest neighbour keeps its (-1, 0) quirk under {@link Border#NANOPYX}. Positive angles turn the content
 * counter-clockwise as displayed with row 0 at the top (NanoPyx's docstring).
 *
 * <p>Tolerance {@code 1e-5 max|ref|}: every implementation computes the same float32 positions (products on the host,
 * sums on the device, which cannot be fused into multiply-adds), so they read the same taps; weights and sums differ
 * by float32 against double rounding only.
 *
 * <p>Benchmark cases: the size parameter {@code k} (1..10) picks interpolator and geometry from {@link #VARIANTS};
 * angle, scales and shift are drawn from the seed ({@code engine conformance transform --kernels 1-10}); 0 = NanoPyx's
 * Catmull-Rom.
 */
public final class Transform implements Operation<TransformParams, ImageStack, ImageStack>,
        BenchmarkInputs<TransformParams, ImageStack, ImageStack> {
    public static final String ID = "transform";
    private static final Tolerance TOLERANCE = new Tolerance(0, 1e-5);

    /** Interpolator and geometry of benchmark case {@code k = 1..10}. */
    public static final List<Variant> VARIANTS = List.of(
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.NANOPYX),
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED),
            new Variant(InterpolatorChoice.NEAREST, Sampling.NANOPYX),
            new Variant(InterpolatorChoice.NEAREST, Sampling.CENTRED),
            new Variant(InterpolatorChoice.BILINEAR, Sampling.NANOPYX),
            new Variant(InterpolatorChoice.BILINEAR, Sampling.CENTRED),
            new Variant(InterpolatorChoice.BICUBIC, Sampling.NANOPYX),
            new Variant(InterpolatorChoice.BICUBIC, Sampling.CENTRED),
            new Variant(InterpolatorChoice.LANCZOS, Sampling.NANOPYX),
            new Variant(InterpolatorChoice.LANCZOS, Sampling.CENTRED));

    /** One family of benchmark cases. */
    public record Variant(InterpolatorChoice interpolator, Sampling geometry) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(TransformParams params, ImageStack input) {
        if (params == null || input == null) {
            throw new IllegalArgumentException("transform needs params and an input stack, got params=" + params + " input=" + input);
        }
    }

    @Override
    public WorkShape shape(TransformParams p, ImageStack in) {
        Map<String, String> m = new TreeMap<>();
        m.put("kernel", p.interpolator().kernel().name());
        m.put("border", p.interpolator().border().name());
        m.put("normalisation", p.interpolator().normalisation().name());
        m.put("sampling", p.geometry().name());
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", new TreeMap<>(m));
    }

    /** Pixels times the taps of both axes (one non-separable evaluation per pixel). */
    @Override
    public double cost(TransformParams p, ImageStack in) {
        int taps = p.interpolator().kernel().taps();
        return (double) in.frames() * in.height() * in.width() * taps * taps;
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    /** Uniform values in [100, 1100); angle in [-pi, pi), scales in [0.6, 2.5), shifts in [-3, 3) from the seed. */
    @Override
    public Case<TransformParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        int k = spec.kernel() == 0 ? 1 : spec.kernel();
        if (k > VARIANTS.size()) {
            throw new IllegalArgumentException("transform's size parameter picks a variant, 1.." + VARIANTS.size() + ", got " + k);
        }
        Variant v = VARIANTS.get(k - 1);
        SplittableRandom rnd = new SplittableRandom(seed);
        float angle = (float) ((rnd.nextDouble() * 2 - 1) * Math.PI);
        float sr = (float) (0.6 + 1.9 * rnd.nextDouble());
        float sc = (float) (0.6 + 1.9 * rnd.nextDouble());
        float dr = (float) (rnd.nextDouble() * 6 - 3);
        float dc = (float) (rnd.nextDouble() * 6 - 3);
        float[] px = new float[Math.multiplyExact(Math.multiplyExact(spec.frames(), spec.height()), spec.width())];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        TransformParams p = TransformParams.of(v.interpolator(), v.geometry(), dr, dc, sr, sc, angle);
        return new Case<>(p, new ImageStack(spec.frames(), spec.height(), spec.width(), px), String.format(Locale.ROOT,
                "%dx%dx%d %s %s angle %.3f scale %.3f/%.3f shift %.3f,%.3f", spec.width(), spec.height(), spec.frames(),
                v.interpolator(), v.geometry().name().toLowerCase(Locale.ROOT), angle, sr, sc, dr, dc));
    }

    @Override
    public float[] values(ImageStack output) {
        return output.data();
    }

    @Override
    public String toString() {
        return ID;
    }
}
