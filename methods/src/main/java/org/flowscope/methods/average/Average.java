package org.flowscope.methods.average;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Temporal mean per block of frames (a NanoPyx time point): {@code out_b(y, x) = (1/T_b) sum_{t in b} in(t, y, x)},
 * summed in double precision; units are those of the input. Blocks of {@code framesPerTimePoint} frames (the last may
 * be shorter); 0 averages the whole stack.
 */
public final class Average implements Operation<AverageParams, ImageStack, ImageStack> {
    public static final String ID = "average";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(AverageParams params, ImageStack input) {
        TreeMap<String, String> p = new TreeMap<>();
        p.put("framesPerTimePoint", Integer.toString(params.framesPerTimePoint()));
        return new WorkShape(ID, List.of(input.frames(), input.height(), input.width()), "f32", p);
    }

    @Override
    public double cost(AverageParams params, ImageStack input) {
        return input.data().length;
    }

    /** Sums in double precision and rounds once: implementations agree to float rounding. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-6, 1e-6);
    }
}
