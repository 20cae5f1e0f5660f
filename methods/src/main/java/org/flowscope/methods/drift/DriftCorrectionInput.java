package org.flowscope.methods.drift;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/** A stack and the drift of each of its frames. */
public record DriftCorrectionInput(ImageStack stack, DriftTable drift) {
    public DriftCorrectionInput {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(drift, "drift");
        if (drift.frames() != stack.frames()) {
            throw new IllegalArgumentException("drift table has " + drift.frames() + " frames but the stack has "
                    + stack.frames());
        }
        double[] m = drift.maxAbs();
        if (m[0] >= stack.width() || m[1] >= stack.height()) {
            throw new IllegalArgumentException("drift (|dx| up to " + m[0] + ", |dy| up to " + m[1]
                    + " px) must be smaller than the image " + stack.width() + "x" + stack.height() + " (width x height)");
        }
    }
}
