package org.flowscope.methods.frc;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.quality.ImageChecks;

/**
 * Fourier ring correlation (FRC) between two independent images of the same structure (Banterle et al., J. Struct.
 * Biol. 183, 363&ndash;367 (2013); Nieuwenhuizen et al., Nat. Methods 10, 557&ndash;562 (2013)), computed as NanoPyx's
 * {@code FIRECalculator} does (methods spec &sect;10):
 * <ol>
 *   <li>centre-crop both images to the largest even square (side {@code N});</li>
 *   <li>multiply by a separable symmetric Tukey window ({@code alpha = 0.25});</li>
 *   <li>{@code F_k = fftshift(FFT2(img_k))}; planes {@code P0 = Re(F1 conj F2)}, {@code P1 = |F1|^2},
 *       {@code P2 = |F2|^2};</li>
 *   <li>for each ring {@code r = 1 .. N/2 - 2}: bilinear samples of the planes on the circle of radius {@code r}
 *       around the zero frequency at angular steps of {@code 1/r} rad, summed to {@code S0, S1, S2};
 *       {@code FRC(r) = S0 / sqrt(S1 S2)}, {@code FRC(0) = 1};</li>
 *   <li>Savitzky&ndash;Golay smoothing (order 3, window {@code max(4, int(0.0707 (N/2 - 1)))});</li>
 *   <li>resolution = {@code 1 / f} at the first crossing of the threshold 1/7 (linear interpolation between
 *       rings), in pixels; times the pixel size for nm.</li>
 * </ol>
 * The frequency label of ring {@code r} and the crossing direction follow {@link FrcConvention}.
 *
 * <p>Units: input pixels in any linear intensity unit; frequencies in cycles per pixel; resolution in pixels and nm.
 */
public final class Frc implements Operation<FrcParams, FrcInput, FrcResult>, BenchmarkInputs<FrcParams, FrcInput, FrcResult> {
    /** The threshold of Banterle et al. / NanoPyx. */
    public static final double THRESHOLD = 1.0 / 7.0;
    /** Smallest side that leaves enough rings for the smoothing window. */
    public static final int MIN_SIDE = 16;

    @Override
    public String id() {
        return "frc";
    }

    @Override
    public void validate(FrcParams params, FrcInput input) {
        ImageChecks.requireMinSize("FRC image", input.first(), MIN_SIDE);
        ImageChecks.requireFiniteNonConstant("first FRC image", input.first());
        ImageChecks.requireFiniteNonConstant("second FRC image", input.second());
    }

    @Override
    public WorkShape shape(FrcParams params, FrcInput input) {
        return new WorkShape(id(), List.of(2, input.first().height(), input.first().width()), "f32", new TreeMap<>());
    }

    @Override
    public double cost(FrcParams params, FrcInput input) {
        double n = input.first().frameSize();
        return 2 * n * Math.log(n + 1);
    }

    /** Applies to the raw and smoothed curves ({@link #values}); the device variants agree to about 1e-14. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-4, 0);
    }

    /**
     * Two noisy frames of the same Gaussian spots, 0.1 px apart ({@code BenchmarkScenes}), at least {@value #MIN_SIDE}
     * px a side; {@code frames} and {@code kernel} are ignored.
     */
    @Override
    public Case<FrcParams, FrcInput> benchmarkCase(Spec spec, long seed) {
        int h = Math.max(MIN_SIDE, spec.height());
        int w = Math.max(MIN_SIDE, spec.width());
        org.flowscope.core.image.ImageStack s = org.flowscope.methods.numerics.scenes.BenchmarkScenes.drifting(2, h, w, seed);
        return new Case<>(FrcParams.defaults(), new FrcInput(s.frame(0), s.frame(1)), w + "x" + h + " spots, two noisy frames");
    }

    /** Raw curve, smoothed curve, resolution in pixels. */
    @Override
    public float[] values(FrcResult r) {
        int n = r.raw().length;
        float[] out = new float[2 * n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.raw()[i];
            out[n + i] = (float) r.smoothed()[i];
        }
        out[2 * n] = (float) r.resolutionPx();
        return out;
    }
}
