package org.flowscope.methods.rgc;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Radial gradient convergence (RGC), NanoPyx's {@code Rgc} (methods spec §4.3), the core of
 * eSRRF: how well the intensity gradients around a point on the magnified grid point at it.
 *
 * <p>For output pixel {@code (rM, cM)} with centre {@code xc = (cM+0.5)/M}, {@code yc = (rM+0.5)/M} (input
 * pixels), samples {@code v} on a half-pixel lattice {@code v = (trunc(2c) + i)/2}, {@code i = -trunc(2 fwhm) ..
 * trunc(2 fwhm)}, with {@code d = |v - c|}, {@code 0 < d <= 2 sigma + 1}:
 * <pre>
 *   w    = (d exp(-d^2 / 2 sigma^2))^4                  sigma = fwhm / 2.355
 *   Dk   = 1 - |G x (v - c)| / (|G| d)                    counted only where G . (v - c) &lt; 0
 *   RGC  = sum(w Dk) / sum(w),  then RGC^sensitivity (sensitivity &gt; 1), clamped at 0
 *   out  = RGC * Imag[rM, cM]                             (intensity weighting)
 * </pre>
 * The gradient at lattice point {@code v} is read from the 2M-magnified gradient grid at index {@code v M 2}
 * (clamped to the grid). Pixels closer than {@code m = trunc(fwhm M)} to the border stay 0, and lattice samples are
 * kept while {@code 0 < v <= HM - 1} (magnified size; a NanoPyx quirk, handled by the index clamp).
 *
 * <p>Literature: Laine et al., "High-fidelity 3D live-cell nanoscopy through data-driven enhanced
 * super-resolution radial fluctuation", Nat. Methods 20, 1949-1956 (2023); Gustafsson et al., SRRF, Nat. Commun.
 * 7, 12471 (2016).
 */
public final class Rgc implements Operation<RgcParams, RgcInput, ImageStack> {
    public static final String ID = "rgc";
    /** NanoPyx's fixed gradient over-sampling {@code g}: the sample lattice has steps of 1/g input pixels. */
    public static final float GRADIENT_OVERSAMPLING = 2.0f;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(RgcParams p, RgcInput in) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("magnification", Integer.toString(p.magnification()));
        m.put("radius", Float.toString(p.radius()));
        ImageStack im = in.image();
        return new WorkShape(ID, List.of(im.frames(), im.height(), im.width()), "f32", m);
    }

    @Override
    public double cost(RgcParams p, RgcInput in) {
        int n = 2 * p.latticeHalfWidth() + 1;
        return (double) in.image().frames() * in.image().frameSize() * n * n;
    }

    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-5);
    }
}
