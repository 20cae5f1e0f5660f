package org.flowscope.methods.squirrel;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.quality.ImageChecks;

/**
 * SQUIRREL error mapping (Culley et al., Nat. Methods 15, 263&ndash;266 (2018)) as NanoPyx's {@code ErrorMap} computes
 * it (methods spec &sect;12): the reference is Fourier-interpolated to the SR grid ({@code ref_up}); the
 * resolution-scaling function is a Gaussian of sigma {@code s} (SR pixels), found by minimising
 * <pre>  E(s) = sqrt(mean((G_s * (alpha SR + beta) - ref_up)^2))</pre>
 * where {@code (alpha, beta)} is the least-squares line of {@code ref_up} against {@code G_s * SR}, with Brent's method
 * started from the bracket {@code (0, (4/2.35482) M)}. At the optimum the error map is
 * {@code |G_s * (alpha SR + beta) - ref_up|}, the RSE its root mean square and the RSP the Pearson coefficient of the two
 * images. As in NanoPyx, alpha, beta and sigma are rounded to float32 before the final map.
 *
 * <p>Units: sigma in SR pixels; error map and RSE in the reference's intensity units; RSP dimensionless.
 */
public final class Squirrel implements Operation<SquirrelParams, SquirrelInput, SquirrelResult> {
    @Override
    public String id() {
        return "squirrel";
    }

    @Override
    public void validate(SquirrelParams params, SquirrelInput input) {
        ImageChecks.requireMinSize("reference image", input.reference(), 4);
        ImageChecks.requireFiniteNonConstant("super-resolution image", input.superResolution());
        ImageChecks.requireFiniteNonConstant("reference image", input.reference());
    }

    @Override
    public WorkShape shape(SquirrelParams params, SquirrelInput input) {
        var p = new TreeMap<String, String>();
        p.put("magnification", Integer.toString(input.magnification()));
        p.put("estimate_sigma", Boolean.toString(params.fixedSigma() == 0));
        return new WorkShape(id(), List.of(input.superResolution().height(), input.superResolution().width()), "f32", p);
    }

    @Override
    public double cost(SquirrelParams params, SquirrelInput input) {
        double sigmaMax = 4 / 2.35482 * input.magnification();
        return input.superResolution().frameSize() * (8 * sigmaMax + 1) * (params.fixedSigma() == 0 ? 40 : 1);
    }

    /** Applies to the error map. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-5);
    }
}
