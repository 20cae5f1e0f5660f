package org.flowscope.methods.drift;

import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.crosscorrelation.CrossCorrelation;

/**
 * The drift code's two engine operations, cross-correlation and correction, run on one engine with one selection
 * (the engine applies an {@code --implementation} to the operation it belongs to), remembering which
 * implementation ran last for the report.
 */
public final class DriftEngineCalls {
    private final Engine engine;
    private final RunOptions selection;
    private volatile String lastImplementation;

    public DriftEngineCalls(Engine engine, RunOptions selection) {
        this.engine = engine;
        this.selection = selection;
    }

    /** Cross-correlation through the engine. */
    public ShiftMeasurer measurer() {
        return (p, in) -> {
            var x = engine.execute(new CrossCorrelation(), p, in, selection);
            lastImplementation = x.decision().choice().label();
            return x.output();
        };
    }

    /** Drift correction through the engine. */
    public DriftShifter shifter() {
        return (p, in) -> {
            var x = engine.execute(new DriftCorrection(), p, in, selection);
            lastImplementation = x.decision().choice().label();
            return x.output();
        };
    }

    /** The implementation (with device) that ran last, or null. */
    public String lastImplementation() {
        return lastImplementation;
    }
}
