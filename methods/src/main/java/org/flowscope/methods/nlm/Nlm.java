package org.flowscope.methods.nlm;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Classic (pixel-wise) non-local-means denoising with Gaussian-weighted patches, frame by frame: the algorithm of
 * NanoPyx's {@code NLMDenoising} threaded and OpenCL runtypes (scikit-image {@code denoise_nl_means} with
 * {@code fast_mode=False}); methods spec &sect;13, algorithm B. The integral-image algorithm of NanoPyx's unthreaded
 * runtype is a different function and a separate operation, {@code nlm-fast}.
 *
 * <p>With {@code s} = patch size, {@code o = s div 2}, {@code d} = patch distance, each frame {@code I} (H &times; W)
 * is padded by {@code o} with NumPy's {@code reflect} mode ({@link MirrorPad}) to {@code P}. For every pixel
 * {@code (r, c)} and every candidate {@code (i, j)} of the window clipped to the image,
 * {@code max(0, r-d) <= i < min(H, r+d+1)}, {@code max(0, c-d) <= j < min(W, c+d+1)}:
 *
 * <pre>
 *   D = &Sigma;_{a &lt; s} &Sigma;_{b &lt; s} w[a,b] ((P[r+a, c+b] - P[i+a, j+b])&sup2; - 2&sigma;&sup2;)     (float32, a outer, b inner)
 *   weight = 0                       if the partial sum after any of the rows a = 0 .. s-2 exceeds 5
 *          = exp(-max(0, D))          otherwise
 *   out[r, c] = &Sigma; weight &middot; I[i, j] / &Sigma; weight                   (candidates in row-major order)
 * </pre>
 *
 * with the patch weights {@link NlmParams#patchWeights()} (a Gaussian of {@code A = (s-1)/4} summing to 1/h&sup2;).
 * The early exit is NanoPyx's CPU behaviour (its OpenCL kernel has none, so it computes a different function; spec
 * &sect;13): it is kept because it is the function of the reference outputs and because it saves work. Since the
 * exit compares a float sum with 5, every implementation computes {@code D} with the same float32 operations in the
 * same order, without fused multiply-adds, so that all of them keep and drop the same candidates; the weights and
 * the final sums may differ in the last bits (exp and accumulation order).
 *
 * <p>The pixel itself is always a candidate with {@code D <= 0}, so the denominator is at least 1. Input values must
 * be finite (a NaN would make NanoPyx's {@code fmaxf} turn a patch distance into 0, weight 1). Units: the output is
 * in the input's grey levels, same shape as the input. Patch larger than the image: refused.
 *
 * <p>Tolerance: {@code |a - ref| <= 1e-5 max|ref|}: the implementations keep the same candidates, and their weights
 * differ only through exp ({@link NlmCpuThreaded}'s vectorised polynomial is within 2.4e-6 relative, the GPUs' within a
 * few ulps) and the order of the weighted sums; measured differences are about 1e-6. Cost feature: frames &times; pixels &times;
 * window area &times; patch area. Reference: A. Buades, B. Coll, J.-M. Morel, "A non-local algorithm for image
 * denoising", CVPR 2005; NanoPyx, Saraiva et al., Nature Methods 2025.
 */
public final class Nlm implements Operation<NlmParams, ImageStack, ImageStack>,
        BenchmarkInputs<NlmParams, ImageStack, ImageStack> {
    public static final String ID = "nlm";
    /** Patch side of benchmark cases when none is asked for (NanoPyx's default). */
    public static final int DEFAULT_PATCH = 7;
    /** Search radius of benchmark cases (NanoPyx's default). */
    public static final int DEFAULT_DISTANCE = 11;
    /** Partial patch distance above which a candidate is dropped (NanoPyx's {@code DISTANCE_CUTOFF}). */
    public static final float CUTOFF = 5f;
    private static final Tolerance TOLERANCE = new Tolerance(0, 1e-5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(NlmParams params, ImageStack input) {
        if (params == null) {
            throw new IllegalArgumentException(ID + " needs params, got null");
        }
        checkFits(ID, params.patchSize(), input);
    }

    /** Patch within the image and finite pixels; shared with {@code nlm-fast}. */
    public static void checkFits(String op, int patchSize, ImageStack input) {
        if (input == null) {
            throw new IllegalArgumentException(op + " needs an input stack, got null");
        }
        int side = Math.min(input.height(), input.width());
        if (patchSize > side) {
            throw new IllegalArgumentException(op + " patch size " + patchSize + " is larger than the image ("
                    + input.width() + "x" + input.height() + "); it must be at most " + side);
        }
        float[] px = input.data();
        for (int i = 0; i < px.length; i++) {
            if (!Float.isFinite(px[i])) {
                int f = i / input.frameSize();
                int rc = i % input.frameSize();
                throw new IllegalArgumentException(op + " input must be finite, got " + px[i] + " at frame " + f
                        + " row " + rc / input.width() + " column " + rc % input.width());
            }
        }
    }

    @Override
    public WorkShape shape(NlmParams params, ImageStack input) {
        return workShape(ID, params.patchSize(), params.patchDistance(), input);
    }

    /** The history key of an NLM call: frames, rows, columns, patch size and distance; shared with {@code nlm-fast}. */
    public static WorkShape workShape(String op, int patchSize, int patchDistance, ImageStack input) {
        TreeMap<String, String> p = new TreeMap<>();
        p.put("patch", Integer.toString(patchSize));
        p.put("distance", Integer.toString(patchDistance));
        return new WorkShape(op, List.of(input.frames(), input.height(), input.width()), "f32", p);
    }

    @Override
    public double cost(NlmParams params, ImageStack input) {
        double window = 2.0 * params.patchDistance() + 1;
        return (double) input.frames() * input.frameSize() * window * window * params.patchSize() * params.patchSize();
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    /**
     * A noisy piecewise-smooth stack ({@link NlmScenes}) with {@code h = 0.1}, patch {@code spec.kernel()} (default
     * {@value #DEFAULT_PATCH}; an even size is made odd) and distance {@value #DEFAULT_DISTANCE}; sigma 0 or 0.1 by
     * seed. Images narrower than 3 pixels are widened to 3 (the smallest patch); the label gives the size used.
     */
    @Override
    public Case<NlmParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        return benchmarkCase(spec, seed, 3);
    }

    /** {@link #benchmarkCase(Spec, long)} with the smallest side {@code minSide}; shared with {@code nlm-fast}. */
    public static Case<NlmParams, ImageStack> benchmarkCase(Spec spec, long seed, int minSide) {
        int h = Math.max(minSide, spec.height());
        int w = Math.max(minSide, spec.width());
        int asked = spec.kernel() == 0 ? DEFAULT_PATCH : spec.kernel() | 1;
        int largest = Math.min(h, w) % 2 == 1 ? Math.min(h, w) : Math.min(h, w) - 1;
        int patch = Math.max(3, Math.min(Math.min(asked, largest), NlmParams.MAX_PATCH));
        float sigma = Math.floorMod(seed, 2L) == 0 ? 0f : 0.1f;
        NlmParams p = new NlmParams(patch, DEFAULT_DISTANCE, NlmScenes.H, sigma);
        return new Case<>(p, NlmScenes.noisyPiecewise(spec.frames(), h, w, seed),
                w + "x" + h + "x" + spec.frames() + " patch " + patch + " distance " + DEFAULT_DISTANCE + " h " + p.h()
                        + " sigma " + sigma);
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
