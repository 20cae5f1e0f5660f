package org.flowscope.methods.decorr;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.quality.ImageChecks;

/**
 * Image decorrelation analysis: the resolution of a single image from the decorrelation of its phase-normalised
 * spectrum (Descloux, Gru&szlig;mayer &amp; Radenovic, Nat. Methods 16, 918&ndash;924 (2019)), as NanoPyx's
 * {@code DecorrAnalysis} computes it (methods spec &sect;11).
 *
 * <p>With {@code F} the spectrum of the edge-apodised image (zero-padded to a power-of-two square, DC removed) and
 * {@code F_n = F/|F|}, the decorrelation function is the Pearson correlation of {@code F} with {@code F_n} low-passed
 * at normalised radius r (1 = Nyquist):
 * <pre>  d(r) = sum_{|k| &lt;= r} |F(k)| / ( sqrt(sum_{|k| &lt;= 1} |F(k)|^2) * sqrt(sum_{|k| &lt;= r} 1) )</pre>
 * Noise makes d(r) peak at the frequency kc where signal gives way to noise. The peak is searched on the unfiltered
 * image and on two series of {@code n_g} high-pass images {@code img - G_sigma * img} with log-spaced sigmas (a coarse
 * one from 0.14 px to 2/kc0, then a refined one bracketing the best two curves, on a narrowed frequency range). The
 * resolution is {@code 2 / kc_max} pixels, kc_max the highest peak of the refined series (times the pixel size for nm).
 *
 * <p>Decisions on NanoPyx's quirks (spec &sect;18 item 10): there is no ROI parameter (NanoPyx crops one and then ignores
 * it; crop the image before calling); the padding stays top-aligned (harmless, see {@link PaddedImage}); the
 * refined range keeps {@code crmax = min(rmax, max(kc) + 0.3)} (the HEAD behaviour, not the ImageJ {@code 0.5} bug);
 * when the unfiltered curve wins pass one the refined sigma range starts at {@code 2.0/N}, not NanoPyx's integer
 * {@code 2/N = 0} (which yields NaN sigmas); and the first peak is mapped on [rmin, rmax] rather than always on [0, 1]
 * (the same for the defaults). No peak at all gives NaN instead of NanoPyx's {@code inf}.
 */
public final class Decorr implements Operation<DecorrParams, ImageStack, DecorrResult>,
        BenchmarkInputs<DecorrParams, ImageStack, DecorrResult> {
    /** The apodisation takes 20 px off each edge; below this side nothing would remain. */
    public static final int MIN_SIDE = 48;

    @Override
    public String id() {
        return "decorr";
    }

    @Override
    public void validate(DecorrParams params, ImageStack image) {
        ImageChecks.requireSingleImage("decorrelation image", image);
        ImageChecks.requireMinSize("decorrelation image", image, MIN_SIDE);
        ImageChecks.requireFiniteNonConstant("decorrelation image", image);
    }

    @Override
    public WorkShape shape(DecorrParams params, ImageStack image) {
        var p = new TreeMap<String, String>();
        p.put("n_g", Integer.toString(params.ng()));
        return new WorkShape(id(), List.of(image.height(), image.width()), "f32", p);
    }

    @Override
    public double cost(DecorrParams params, ImageStack image) {
        int n = PaddedImage.side(image.height(), image.width());
        // one transform of the padded square, then 2 n_g + 1 passes of ring sums over its half spectrum
        return n * (double) n * (Math.log(n) / Math.log(2) + 2.0 * params.ng() + 1);
    }

    /**
     * Applies to the curves concatenated and kc_max ({@link #flatten}): every implementation computes the same double
     * precision spectrum and the same ring sums, only in a different summation order (about 1e-12 apart).
     */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-6, 0);
    }

    /** All curves of a result concatenated, then kc_max: the array conformance checks compare. */
    public static float[] flatten(DecorrResult r) {
        int len = 1;
        for (DecorrCurve c : r.curves()) {
            len += c.d().length;
        }
        float[] out = new float[len];
        int i = 0;
        for (DecorrCurve c : r.curves()) {
            for (double v : c.d()) {
                out[i++] = (float) v;
            }
        }
        out[i] = (float) r.kcMax();
        return out;
    }

    /**
     * Gaussian spots on a noisy background ({@code BenchmarkScenes}, the first frame), at least {@value #MIN_SIDE} px a
     * side; {@code frames} and {@code kernel} are ignored.
     */
    @Override
    public Case<DecorrParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        int h = Math.max(MIN_SIDE, spec.height());
        int w = Math.max(MIN_SIDE, spec.width());
        ImageStack img = org.flowscope.methods.numerics.scenes.BenchmarkScenes.drifting(1, h, w, seed);
        return new Case<>(DecorrParams.defaults(), img, w + "x" + h + " spots, n_r 50 n_g 10");
    }

    @Override
    public float[] values(DecorrResult output) {
        return flatten(output);
    }
}
