package org.flowscope.methods.magnifyfourier;

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
import org.flowscope.methods.numerics.interpolation.FourierInterpolation;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * Magnification by Fourier interpolation ({@code process magnify --interpolator fourier}): every frame is mirror
 * padded to a power-of-two square, its spectrum zero padded M times, transformed back and cropped (spec &sect;1.5);
 * frames larger than 256 px in overlapping tiles blended with a Hann window.
 * <ul>
 *   <li>{@link Sampling#NANOPYX}: NanoPyx's version used by eSRRF's {@code use_fht} exactly
 *       ({@link FourierInterpolation#magnify(ImageStack, int)}): sampled at integer output coordinates (about
 *       {@code 0.5 (1 - 1/M)} input pixels off), Nyquist bins moved whole, output rescaled to the input's [min, max].</li>
 *   <li>{@link Sampling#CENTRED}: {@link FourierInterpolation#magnifyCentred}: the band-limited interpolant sampled
 *       at output pixel centres, shifted by a phase ramp, Nyquist bins split, amplitude kept by the factor M&sup2;.</li>
 * </ul>
 * A separate operation from {@link org.flowscope.methods.magnify.Magnify} because it is a different function (global,
 * through the spectrum, integer magnifications only) with its own implementations: the CPU reference, frames on the
 * pool, and the spectral core on an OpenCL or CUDA device (the device FFT, double precision).
 *
 * <p>Tolerance: {@code 1e-5 max|ref|}; the threaded implementation runs the reference per frame and is bit-identical;
 * the device ones differ by the FFTs' rounding (double precision) before the float32 output.
 *
 * <p>Benchmark cases: the size parameter {@code k} is the magnification for {@code 1..10} (NanoPyx geometry) and
 * {@code 10 + M} for the centred geometry with a seeded shift; 0 = NanoPyx, x5.
 */
public final class MagnifyFourier implements Operation<MagnifyFourierParams, ImageStack, ImageStack>,
        BenchmarkInputs<MagnifyFourierParams, ImageStack, ImageStack> {
    public static final String ID = "magnify-fourier";
    private static final Tolerance TOLERANCE = new Tolerance(0, 1e-5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(MagnifyFourierParams params, ImageStack input) {
        if (params == null || input == null) {
            throw new IllegalArgumentException("magnify-fourier needs params and an input stack, got params=" + params
                    + " input=" + input);
        }
        if (params.geometry() == Sampling.NANOPYX && input.height() == 1 && input.width() == 1) {
            throw new IllegalArgumentException("NanoPyx's Fourier interpolation needs an image of at least 2 pixels, got 1x1;"
                    + " use --geometry centred");
        }
        long pixels = (long) input.frames() * input.height() * input.width() * params.magnification() * params.magnification();
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("magnified stack must hold at most 2^31 pixels, got " + input.frames() + " x "
                    + input.height() + " x " + input.width() + " x " + params.magnification() + "^2 = " + pixels);
        }
    }

    @Override
    public WorkShape shape(MagnifyFourierParams p, ImageStack in) {
        Map<String, String> m = new TreeMap<>();
        m.put("magnification", Integer.toString(p.magnification()));
        m.put("sampling", p.geometry().name());
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", new TreeMap<>(m));
    }

    /** Output pixels times log2 of the padded transform's side (the inverse FFT dominates). */
    @Override
    public double cost(MagnifyFourierParams p, ImageStack in) {
        double side = 256.0 * p.magnification();
        return (double) in.frames() * in.height() * in.width() * p.magnification() * p.magnification() * Math.log(side) / Math.log(2);
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    @Override
    public Case<MagnifyFourierParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        int k = spec.kernel() == 0 ? 5 : spec.kernel();
        // NanoPyx's version cannot take a single pixel: such a case is made centred
        boolean single = spec.width() == 1 && spec.height() == 1;
        if (k > 20) {
            throw new IllegalArgumentException("magnify-fourier's size parameter is M (1..10, NanoPyx geometry) or 10 + M"
                    + " (centred, shifted), got " + k);
        }
        boolean centred = k > 10 || single;
        int m = k > 10 ? k - 10 : k;
        SplittableRandom rnd = new SplittableRandom(seed);
        float sr = centred ? (float) (rnd.nextDouble() * 5 - 2.5) : 0f;
        float sc = centred ? (float) (rnd.nextDouble() * 5 - 2.5) : 0f;
        float[] px = new float[Math.multiplyExact(Math.multiplyExact(spec.frames(), spec.height()), spec.width())];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        MagnifyFourierParams p = new MagnifyFourierParams(m, centred ? Sampling.CENTRED : Sampling.NANOPYX, sr, sc);
        return new Case<>(p, new ImageStack(spec.frames(), spec.height(), spec.width(), px), String.format(Locale.ROOT,
                "%dx%dx%d fourier %s x%d%s", spec.width(), spec.height(), spec.frames(), centred ? "centred" : "nanopyx", m,
                centred ? String.format(Locale.ROOT, " shift %.3f,%.3f", sr, sc) : ""));
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
