package org.flowscope.engine;

import org.flowscope.engine.model.CalibrationShapes;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.WorkShape;

/**
 * The small seeded work an engine calibrates candidates on ({@code Reason.CALIBRATE}), from the operation's
 * {@link BenchmarkInputs}: {@value #WIDTH}x{@value #HEIGHT}, {@value #FRAMES} frames, default parameters, filed under a
 * {@link CalibrationShapes} shape.
 *
 * @param params input's parameters
 * @param input  the work
 * @param shape  its (calibration) shape
 * @param cost   its cost feature
 */
record Calibration<P, I>(P params, I input, WorkShape shape, double cost) {
    static final int WIDTH = 32;
    static final int HEIGHT = 32;
    static final int FRAMES = 2;
    private static final long SEED = 20_261_203L;

    /** The calibration work of {@code op}, or null when it cannot make seeded work (or not of this size). */
    @SuppressWarnings("unchecked")
    static <P, I, O> Calibration<P, I> of(Operation<P, I, O> op) {
        if (!(op instanceof BenchmarkInputs<?, ?, ?> inputs)) {
            return null;
        }
        try {
            BenchmarkInputs.Case<P, I> c = ((BenchmarkInputs<P, I, O>) inputs).benchmarkCase(
                    new BenchmarkInputs.Spec(WIDTH, HEIGHT, FRAMES, 0), SEED);
            op.validate(c.params(), c.input());
            return new Calibration<>(c.params(), c.input(), CalibrationShapes.of(op.shape(c.params(), c.input())),
                    op.cost(c.params(), c.input()));
        } catch (IllegalArgumentException | ClassCastException unsuitable) {
            return null; // the operation cannot make work this small: its candidates are tried on real work
        }
    }
}
