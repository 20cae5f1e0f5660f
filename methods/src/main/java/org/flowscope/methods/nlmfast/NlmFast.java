package org.flowscope.methods.nlmfast;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.nlm.MirrorPad;
import org.flowscope.methods.nlm.Nlm;
import org.flowscope.methods.nlm.NlmParams;

/**
 * Fast non-local-means denoising with uniform patch weights, frame by frame: the function of NanoPyx's
 * {@code NLMDenoising} unthreaded runtype and of scikit-image {@code denoise_nl_means(fast_mode=True)} (Darbon et
 * al. 2008; methods spec &sect;13, algorithm A). It is not classic NLM ({@code nlm}: Gaussian patch weights, window
 * clipped to the image, early exit); the two are separate operations and the user picks one.
 *
 * <p>With {@code s} = patch size, {@code o = s div 2}, {@code d} = patch distance, each frame {@code I} is padded by
 * {@code o + d} with NumPy's {@code reflect} mode ({@link MirrorPad}) to {@code P}. For every pixel {@code p} and every
 * offset {@code t} in [-d, d]&sup2; (the window is not clipped: candidates in the padding count):
 *
 * <pre>
 *   &delta;(y, x) = (P[y, x] - P[y + t_r, x + t_c])&sup2; - 2&sigma;&sup2;
 *   S     = &Sigma;_{b = 1-o .. o} &Sigma;_{a = 1-o .. o} &delta;(p_r + a, p_c + b)      (float32, a summed first, then b)
 *   weight = 0 if S/(s&sup2;h&sup2;) &gt; 5, else exp(-max(S, 0)/(s&sup2;h&sup2;))
 *   out[p] = &Sigma;_t weight &middot; P[p + t] / &Sigma;_t weight
 * </pre>
 *
 * <b>[quirk, kept]</b> the compared box is {@code 2o = s - 1} pixels wide and sits half a pixel down and right of the
 * pixel (rows {@code p_r - o + 1 .. p_r + o}), while the normaliser uses {@code s²}: NanoPyx and scikit-image read
 * their integral image at {@code p ± o}. Centring an {@code s}-wide box instead changes the reference outputs by up
 * to 0.2, so the quirk is the function. NanoPyx computes {@code S} from a float32 integral image of the whole padded
 * frame, whose rounding grows with the frame's area (its outputs differ from scikit-image's by up to 3e-3 at
 * 256&sup2;); here {@code S} is summed directly, which is exact to float rounding of {@code (s-1)²} terms at any image
 * size. Every implementation sums the same terms in the same order, without fused multiply-adds, and drops a
 * candidate when {@code S > }{@link NlmFastParams#cutoff()}, so all keep the same candidates.
 *
 * <p>The pixel itself is a candidate with {@code S <= 0}, so the denominator is at least 1. Input values must be
 * finite; patch larger than the image: refused. Units: the output is in the input's grey levels, same shape.
 *
 * <p>Tolerance: {@code |a - ref| <= 1e-5 max|ref|}: the implementations keep the same candidates, and their weights
 * differ only through exp (the threaded polynomial within 2.4e-6 relative) and the order of the weighted sums; measured
 * differences are about 1e-6. Cost feature: frames
 * &times; pixels &times; window area &times; patch side. References: J. Darbon, A. Cunha, T. F. Chan, S. Osher,
 * G. J. Jensen, ISBI 2008; NanoPyx, Saraiva et al., Nature Methods 2025.
 */
public final class NlmFast implements Operation<NlmFastParams, ImageStack, ImageStack>,
        BenchmarkInputs<NlmFastParams, ImageStack, ImageStack> {
    public static final String ID = "nlm-fast";
    private static final Tolerance TOLERANCE = new Tolerance(0, 1e-5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(NlmFastParams params, ImageStack input) {
        if (params == null) {
            throw new IllegalArgumentException(ID + " needs params, got null");
        }
        Nlm.checkFits(ID, params.patchSize(), input);
    }

    @Override
    public WorkShape shape(NlmFastParams params, ImageStack input) {
        return Nlm.workShape(ID, params.patchSize(), params.patchDistance(), input);
    }

    @Override
    public double cost(NlmFastParams params, ImageStack input) {
        double window = 2.0 * params.patchDistance() + 1;
        return (double) input.frames() * input.frameSize() * window * window * params.patchSize();
    }

    @Override
    public Tolerance tolerance() {
        return TOLERANCE;
    }

    /** The classic operation's benchmark cases ({@link Nlm#benchmarkCase(Spec, long)}) with this operation's params. */
    @Override
    public Case<NlmFastParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        Case<NlmParams, ImageStack> c = Nlm.benchmarkCase(spec, seed, 3);
        NlmParams p = c.params();
        return new Case<>(new NlmFastParams(p.patchSize(), p.patchDistance(), p.h(), p.sigma()), c.input(), c.label());
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
