package org.flowscope.methods.crosscorrelation;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/**
 * Frames to correlate and their reference: either one reference image for every frame, or one reference per
 * frame (pairwise, e.g. each frame against its predecessor).
 */
public record CrossCorrelationInput(ImageStack frames, ImageStack reference) {
    public CrossCorrelationInput {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(reference, "reference");
        if (frames.height() != reference.height() || frames.width() != reference.width()) {
            throw new IllegalArgumentException("reference must have the frames' size " + frames.height() + "x"
                    + frames.width() + ", got " + reference.height() + "x" + reference.width());
        }
        if (reference.frames() != 1 && reference.frames() != frames.frames()) {
            throw new IllegalArgumentException("reference must have 1 frame or as many as the input ("
                    + frames.frames() + "), got " + reference.frames());
        }
    }

    /** Offset in {@code reference.data()} of the reference for frame {@code f}. */
    public int referenceOffset(int f) {
        return reference.frames() == 1 ? 0 : reference.offset(f);
    }
}
