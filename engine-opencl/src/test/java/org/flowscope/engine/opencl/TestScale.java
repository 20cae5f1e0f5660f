package org.flowscope.engine.opencl;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/** Test operation of this module: multiplies every element by a factor; {@link Reference} is its plain-Java reference. */
public final class TestScale implements Operation<Float, float[], float[]> {
    public static final String ID = "test.scale";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(Float factor, float[] input) {
        return new WorkShape(ID, List.of(input.length), "f32", new TreeMap<>());
    }

    @Override
    public double cost(Float factor, float[] input) {
        return input.length;
    }

    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-6, 1e-6);
    }

    /** The reference implementation. */
    public static final class Reference implements Implementation<Float, float[], float[]> {
        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("test.scale.cpu", TestScale.class, Backend.CPU, Precision.FP32, "loop");
        }

        @Override
        public float[] run(Float factor, float[] input, ExecutionContext context) {
            float[] out = new float[input.length];
            for (int i = 0; i < input.length; i++) {
                out[i] = input[i] * factor;
            }
            return out;
        }
    }
}
