package org.flowscope.engine.model;

import java.util.TreeMap;
import org.flowscope.engine.spi.WorkShape;

/**
 * Shapes of calibration runs: small seeded work ({@code BenchmarkInputs}) an engine runs a candidate on before it
 * lets it take real work, so that a slow candidate is seen to be slow on a few milliseconds of work rather than on a
 * whole window. Their samples are filed under the work's shape with the parameter {@value #PARAMETER}, so they never
 * mix with real calls of the same size, and the model can tell a candidate known only from them.
 */
public final class CalibrationShapes {
    public static final String PARAMETER = "calibration";

    private CalibrationShapes() {
    }

    /** {@code shape} marked as a calibration run. */
    public static WorkShape of(WorkShape shape) {
        TreeMap<String, String> p = new TreeMap<>(shape.parameters());
        p.put(PARAMETER, "small");
        return new WorkShape(shape.operation(), shape.dimensions(), shape.pixelType(), p);
    }

    public static boolean is(WorkShape shape) {
        return shape.parameters().containsKey(PARAMETER);
    }
}
