package org.flowscope.methods.drift;

import org.flowscope.core.image.ImageStack;

/**
 * Runs the drift-correction operation: normally through the engine ({@code (p, in) -> engine.run(new
 * DriftCorrection(), p, in)}); {@link #reference()} runs the plain-Java implementation.
 */
@FunctionalInterface
public interface DriftShifter {
    ImageStack correct(DriftCorrectionParams params, DriftCorrectionInput input);

    static DriftShifter reference() {
        return DriftCorrectionCpu::compute;
    }
}
