package org.flowscope.methods.robertscross;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Roberts-cross gradients as eSRRF uses them (methods spec §3.1). For every pixel {@code (r, c)}, with
 * {@code r0 = max(r-1, 0)} and {@code c0 = max(c-1, 0)}:
 * <pre>
 *   Gc[r,c] = (I[r,c] - I[r,c0]) + (I[r0,c] - I[r0,c0])
 *   Gr[r,c] = (I[r,c] - I[r0,c]) + (I[r,c0] - I[r0,c0])
 * </pre>
 * the sums of the two horizontal (vertical) differences of the 2x2 block that ends at {@code (r, c)}, without the
 * factor 1/2. Units: intensity per input pixel (times 2). The stencil is centred on the pixel <em>corner</em>
 * {@code (r, c)} in continuous coordinates (pixel centres at {@code k + 0.5}), not on the pixel centre.
 *
 * <p>Literature: L. G. Roberts, "Machine perception of three-dimensional solids" (1963); Laine et al., eSRRF,
 * Nat. Methods 20 (2023).
 */
public final class RobertsCross implements Operation<RobertsCrossParams, ImageStack, Gradients> {
    public static final String ID = "roberts-cross";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(RobertsCrossParams params, ImageStack in) {
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", new TreeMap<>());
    }

    @Override
    public double cost(RobertsCrossParams params, ImageStack in) {
        return (double) in.frames() * in.frameSize();
    }

    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-6);
    }
}
