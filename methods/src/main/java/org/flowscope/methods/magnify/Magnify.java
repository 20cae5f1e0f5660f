package org.flowscope.methods.magnify;

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
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Shift and magnify every frame with an interpolation kernel: NanoPyx's {@code ShiftAndMagnify} (methods spec
 * &sect;1.2) and its geometrically centred counterpart.
 *
 * <p>Output shape {@code (F, trunc(H*Mr), trunc(W*Mc))}; output pixel {@code (i, j)} is the interpolator evaluated at
 * the continuous input position ({@link MagnifyParams#rowPosition}, {@link MagnifyParams#colPosition}), where input
 * pixel {@code k} is the sample at {@code k + 0.5}:
 * <ul>
 *   <li>{@link Sampling#NANOPYX}: {@code y = i/Mr - shiftRow}, {@code x = j/Mc - shiftCol} in float32, as NanoPyx
 *       [quirk, spec &sect;0.2]: the output is sampled at integer coordinates, not at its own pixel centres, so the
 *       result sits {@code 0.5/M} input pixels off (at M = 1 half a pixel, plus blur). Kept for parity with NanoPyx
 *       (../shared/reference/shift_and_magnify).</li>
 *   <li>{@link Sampling#CENTRED}: {@code y = (i + 0.5)/Mr - shiftRow}: output pixel centres, so M = 1 without shift
 *       is the identity and a point at input position p appears at p&middot;M on the output grid.</li>
 * </ul>
 * An output pixel whose position lies outside {@code [0, H) x [0, W)} (only possible with a shift) is 0: there is no
 * data there. (NanoPyx's own nearest neighbour accepts positions in (-1, 0), its quirk, kept under
 * {@link Border#NANOPYX}.) Positive shifts move content down and right.
 *
 * <p>Tolerance: {@code |a - ref| <= 1e-5 max|ref|}: the implementations read the same taps with the same weights
 * (the GPU tables are computed on the host in double) and differ only in float32 against double accumulation, about
 * 1e-7 relative; the NanoPyx cases allow {@code rel_to_max} 1e-5.
 *
 * <p>Benchmark and conformance cases ({@link #benchmarkCase}): the size parameter {@code k} picks a variant and a
 * magnification, {@code k = 10 v + M} for M = 1..10 ({@code engine conformance magnify --kernels 1-110} runs all
 * eleven variants of {@link #VARIANTS}); {@code k = 0} or {@code 1..10} is NanoPyx's Catmull-Rom benchmark, no shift,
 * magnification 5 by default.
 *
 * <p>Literature: R. Keys, "Cubic convolution interpolation for digital image processing", IEEE TASSP 29 (1981).
 */
public final class Magnify implements Operation<MagnifyParams, ImageStack, ImageStack>,
        BenchmarkInputs<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify";
    /** The magnification of benchmarks that ask for none (NanoPyx's eSRRF default). */
    public static final int DEFAULT_MAGNIFICATION = 5;
    private static final Tolerance TOLERANCE = new Tolerance(0, 1e-5);

    /**
     * The benchmark/conformance variants, in the order of {@code (k - 1) / 10}: interpolator, geometry, whether the
     * magnifications are non-integer and anisotropic ({@code Mr = M + 0.37}, {@code Mc = 0.7 M + 0.35, never below 1}) and how far
     * the seeded shift reaches (input pixels; 0: no shift).
     */
    public static final List<Variant> VARIANTS = List.of(
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.NANOPYX, false, 0),
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, false, 0),
            new Variant(InterpolatorChoice.NEAREST, Sampling.NANOPYX, false, 2.5),
            new Variant(InterpolatorChoice.NEAREST, Sampling.CENTRED, false, 2.5),
            new Variant(InterpolatorChoice.BILINEAR, Sampling.NANOPYX, true, 2.5),
            new Variant(InterpolatorChoice.BILINEAR, Sampling.CENTRED, true, 2.5),
            new Variant(InterpolatorChoice.BICUBIC, Sampling.NANOPYX, true, 2.5),
            new Variant(InterpolatorChoice.LANCZOS, Sampling.NANOPYX, false, 2.5),
            new Variant(InterpolatorChoice.LANCZOS, Sampling.CENTRED, true, 2.5),
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.NANOPYX, true, 2.5),
            new Variant(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, true, 8));

    /** One family of benchmark cases (see {@link #VARIANTS}). */
    public record Variant(InterpolatorChoice interpolator, Sampling geometry, boolean nonInteger, double shiftReach) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(MagnifyParams params, ImageStack input) {
        if (params == null || input == null) {
            throw new IllegalArgumentException("magnify needs params and an input stack, got params=" + params + " input=" + input);
        }
        long pixels = (long) input.frames() * outputRows(params, input) * outputCols(params, input);
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("magnified stack must hold at most 2^31 pixels, got " + input.frames() + " x "
                    + outputRows(params, input) + " x " + outputCols(params, input) + " = " + pixels
                    + "; use a smaller magnification or fewer frames per call");
        }
    }

    /** Output rows, {@code trunc(H * Mr)}; rejects an empty output. */
    public static int outputRows(MagnifyParams p, ImageStack in) {
        return positive((double) in.height() * p.magnificationRow(), "rows", in.height(), p.magnificationRow());
    }

    /** Output columns, {@code trunc(W * Mc)}; rejects an empty output. */
    public static int outputCols(MagnifyParams p, ImageStack in) {
        return positive((double) in.width() * p.magnificationCol(), "cols", in.width(), p.magnificationCol());
    }

    private static int positive(double exact, String what, int size, float m) {
        // NanoPyx truncates the float product: int(H * M)
        float product = size * m;
        if (!(product >= 1)) {
            throw new IllegalArgumentException("magnified " + what + " must be >= 1, got trunc(" + size + " * " + m + ") = "
                    + (long) product);
        }
        if (product >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("magnified " + what + " must be < 2^31, got " + size + " * " + m + " = " + exact);
        }
        return (int) product;
    }

    @Override
    public WorkShape shape(MagnifyParams p, ImageStack in) {
        Map<String, String> m = new TreeMap<>();
        m.put("kernel", p.interpolator().kernel().name());
        m.put("border", p.interpolator().border().name());
        m.put("normalisation", p.interpolator().normalisation().name());
        m.put("sampling", p.sampling().name());
        m.put("magnificationRow", Float.toString(p.magnificationRow()));
        m.put("magnificationCol", Float.toString(p.magnificationCol()));
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", new TreeMap<>(m));
    }

    /** Output pixels times the taps per axis (the separable evaluation's work per pixel). */
    @Override
    public double cost(MagnifyParams p, ImageStack in) {
        return (double) in.frames() * outputRows(p, in) * outputCols(p, in) * p.interpolator().kernel().taps();
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    /**
     * Uniform values in [100, 1100) and the variant of {@code spec.kernel()} (see the class comment), shifts drawn
     * from {@code seed}.
     */
    @Override
    public Case<MagnifyParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        int k = spec.kernel() == 0 ? DEFAULT_MAGNIFICATION : spec.kernel();
        int v = (k - 1) / 10;
        if (v >= VARIANTS.size()) {
            throw new IllegalArgumentException("magnify's size parameter is 10 * variant + magnification, 1.."
                    + 10 * VARIANTS.size() + ", got " + k);
        }
        int m = (k - 1) % 10 + 1;
        Variant var = VARIANTS.get(v);
        SplittableRandom rnd = new SplittableRandom(seed);
        float mr = var.nonInteger() ? m + 0.37f : m;
        float mc = var.nonInteger() ? 0.7f * m + 0.35f : m;
        float sr = (float) ((rnd.nextDouble() * 2 - 1) * var.shiftReach());
        float sc = (float) ((rnd.nextDouble() * 2 - 1) * var.shiftReach());
        float[] px = new float[Math.multiplyExact(Math.multiplyExact(spec.frames(), spec.height()), spec.width())];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        MagnifyParams p = MagnifyParams.of(var.interpolator(), var.geometry(), sr, sc, mr, mc);
        String label = String.format(Locale.ROOT, "%dx%dx%d %s %s x%s", spec.width(), spec.height(), spec.frames(),
                var.interpolator(), var.geometry().name().toLowerCase(Locale.ROOT),
                mr == mc ? Float.toString(mr) : mr + "/" + mc) + (var.shiftReach() > 0
                ? String.format(Locale.ROOT, " shift %.3f,%.3f", sr, sc) : "");
        return new Case<>(p, new ImageStack(spec.frames(), spec.height(), spec.width(), px), label);
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
