package org.flowscope.engine;

import java.util.List;
import org.flowscope.engine.model.CalibrationShapes;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.WorkShape;

/**
 * The small seeded work an engine calibrates candidates on ({@code Reason.CALIBRATE}), from the operation's
 * {@link BenchmarkInputs}: two sizes, 16x16x2 and 32x32x4 (default parameters), so that the model can fit a fixed
 * overhead and a time per unit of cost instead of scaling one tiny run (which makes a GPU, dominated by its launch
 * overhead on tiny work, look far slower than it is). Filed under {@link CalibrationShapes} shapes.
 *
 * @param sizes the work, smallest first
 */
record Calibration<P, I>(List<Work<P, I>> sizes) {
    private static final long SEED = 20_261_203L;
    private static final int[][] SPECS = {{16, 16, 2}, {32, 32, 4}};

    /**
     * One size of calibration work.
     *
     * @param params parameters
     * @param input  the work
     * @param shape  its (calibration) shape
     * @param cost   its cost feature
     */
    record Work<P, I>(P params, I input, WorkShape shape, double cost) {
    }

    /**
     * The calibration work of {@code op} from {@code inputs} (its provider's benchmark inputs, else the operation's
     * own), or null when there are none or they cannot be this small.
     */
    @SuppressWarnings("unchecked")
    static <P, I, O> Calibration<P, I> of(Operation<P, I, O> op, BenchmarkInputs<?, ?, ?> provided) {
        BenchmarkInputs<?, ?, ?> inputs = provided != null ? provided : op instanceof BenchmarkInputs<?, ?, ?> own ? own : null;
        if (inputs == null) {
            return null;
        }
        try {
            List<Work<P, I>> sizes = new java.util.ArrayList<>();
            for (int[] s : SPECS) {
                BenchmarkInputs.Case<P, I> c = ((BenchmarkInputs<P, I, O>) inputs).benchmarkCase(
                        new BenchmarkInputs.Spec(s[0], s[1], s[2], 0), SEED);
                op.validate(c.params(), c.input());
                sizes.add(new Work<>(c.params(), c.input(), CalibrationShapes.of(op.shape(c.params(), c.input())),
                        op.cost(c.params(), c.input())));
            }
            return new Calibration<>(List.copyOf(sizes));
        } catch (IllegalArgumentException | ClassCastException unsuitable) {
            return null; // the operation cannot make work this small: its candidates are tried on real work
        }
    }
}
