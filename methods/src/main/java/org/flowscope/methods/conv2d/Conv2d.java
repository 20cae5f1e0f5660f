package org.flowscope.methods.conv2d;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Two-dimensional correlation with clamped borders, frame by frame, as NanoPyx's {@code Convolution2D} CPU
 * runtypes compute it:
 *
 * <pre>
 *   cr = (kh - 1) div 2,  cc = (kw - 1) div 2
 *   out[f, r, c] = &Sigma;_{kr &lt; kh} &Sigma;_{kc &lt; kw} K[kr, kc] &middot; I[f, clamp(r + kr - cr, 0, H-1), clamp(c + kc - cc, 0, W-1)]
 * </pre>
 *
 * The kernel is not flipped (a correlation, not a convolution in the signal-processing sense); for even sizes the
 * anchor is the upper-left of the two central elements. Each output is accumulated in float32, {@code kr} outer and
 * {@code kc} inner, so the plain-Java implementation {@link Conv2dCpu} reproduces NanoPyx's unthreaded runtype.
 * Pixels are in the input's units; the output has the same shape as the input.
 *
 * <p>Tolerance: {@code |a - ref| <= 1e-6 + 1e-5 max|ref|}, the relative allowance of the NanoPyx reference cases
 * (../shared/reference/conv2d, {@code tolerance_suggestion.rel_to_max}); it covers fused multiply-adds on GPUs.
 *
 * <p>Cost feature: pixels &times; kernel area (multiply-adds). Reference: NanoPyx, Saraiva et al., Nature Methods
 * 2025, Extended Data Fig. 7 (the operation of the delay-management experiment).
 */
public final class Conv2d implements Operation<Conv2dParams, ImageStack, ImageStack>,
        BenchmarkInputs<Conv2dParams, ImageStack, ImageStack> {
    public static final String ID = "conv2d";
    /** Kernel side used by benchmarks when none is asked for. */
    public static final int DEFAULT_BENCHMARK_KERNEL = 9;
    private static final Tolerance TOLERANCE = new Tolerance(1e-6, 1e-5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(Conv2dParams params, ImageStack input) {
        if (params == null || input == null) {
            throw new IllegalArgumentException("conv2d needs params and an input stack, got params=" + params + " input=" + input);
        }
    }

    @Override
    public WorkShape shape(Conv2dParams params, ImageStack input) {
        Map<String, String> p = new TreeMap<>();
        p.put("kh", Integer.toString(params.kh()));
        p.put("kw", Integer.toString(params.kw()));
        return new WorkShape(ID, List.of(input.frames(), input.height(), input.width()), "f32", new TreeMap<>(p));
    }

    @Override
    public double cost(Conv2dParams params, ImageStack input) {
        return (double) input.frames() * input.height() * input.width() * params.kh() * params.kw();
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    /**
     * A uniform [0, 1) image stack and a normalised Gaussian kernel of side {@code spec.kernel()} (default
     * {@value #DEFAULT_BENCHMARK_KERNEL}) with &sigma; = side / 6, skewed by a column ramp so that a flipped kernel
     * would be caught.
     */
    @Override
    public Case<Conv2dParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        int k = spec.kernel() == 0 ? DEFAULT_BENCHMARK_KERNEL : spec.kernel();
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[Math.multiplyExact(Math.multiplyExact(spec.frames(), spec.height()), spec.width())];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rnd.nextDouble();
        }
        float[] g = Conv2dParams.gaussian(k, Math.max(k / 6.0, 0.5)).kernel();
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                g[r * k + c] *= 0.5f + (float) c / k;
            }
        }
        return new Case<>(new Conv2dParams(g, k, k), new ImageStack(spec.frames(), spec.height(), spec.width(), px),
                spec.width() + "x" + spec.height() + "x" + spec.frames() + " kernel " + k + "x" + k);
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
