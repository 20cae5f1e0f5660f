package org.flowscope.methods.drift;

import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;

/**
 * Runs the cross-correlation operation: normally through the engine ({@code (p, in) -> engine.run(new
 * CrossCorrelation(), p, in)}), which picks the implementation; {@link #reference()} runs the plain-Java one.
 */
@FunctionalInterface
public interface ShiftMeasurer {
    CrossCorrelationResult measure(CrossCorrelationParams params, CrossCorrelationInput input);

    /** The plain-Java reference implementation, without an engine. */
    static ShiftMeasurer reference() {
        return CrossCorrelationCpu::compute;
    }
}
