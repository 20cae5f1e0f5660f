package org.flowscope.methods.drift;

import org.flowscope.methods.ccm.CcmInput;
import org.flowscope.methods.ccm.CcmParams;
import org.flowscope.methods.ccm.CcmResult;
import org.flowscope.methods.ccm.CrossCorrelationCpu;

/**
 * Runs the cross-correlation operation: normally through the engine ({@code (p, in) -> engine.run(new
 * CrossCorrelation(), p, in)}), which picks the implementation; {@link #reference()} runs the plain-Java one.
 */
@FunctionalInterface
public interface ShiftMeasurer {
    CcmResult measure(CcmParams params, CcmInput input);

    /** The plain-Java reference implementation, without an engine. */
    static ShiftMeasurer reference() {
        return CrossCorrelationCpu::compute;
    }
}
