package org.flowscope.methods.frc;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.quality.ImageChecks;

/**
 * The two independent images an FRC compares: two acquisitions of the same field, or the temporal means of the even
 * and odd frames of one stack.
 */
public record FrcInput(ImageStack first, ImageStack second) {
    public FrcInput {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        ImageChecks.requireSingleImage("first FRC image", first);
        ImageChecks.requireSingleImage("second FRC image", second);
        ImageChecks.requireSameSize("first FRC image", first, "second FRC image", second);
    }

    /**
     * Splits a stack into the mean of its even frames (0, 2, ...) and the mean of its odd frames (1, 3, ...). The two
     * halves carry independent noise and the same structure as long as the sample does not change within the stack.
     */
    public static FrcInput oddEven(ImageStack stack) {
        if (stack.frames() < 2) {
            throw new IllegalArgumentException("an odd/even FRC split needs a stack of at least 2 frames, got " + stack.frames());
        }
        return new FrcInput(ImageChecks.meanOfFrames(stack, 0, 2), ImageChecks.meanOfFrames(stack, 1, 2));
    }
}
