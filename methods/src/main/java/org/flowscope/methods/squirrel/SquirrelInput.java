package org.flowscope.methods.squirrel;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.quality.ImageChecks;

/**
 * A super-resolved image and the diffraction-limited reference of the same field (e.g. the mean of the raw frames).
 * The SR image must be exactly an integer magnification {@code M >= 1} of the reference along both axes.
 */
public record SquirrelInput(ImageStack superResolution, ImageStack reference) {
    public SquirrelInput {
        Objects.requireNonNull(superResolution, "superResolution");
        Objects.requireNonNull(reference, "reference");
        ImageChecks.requireSingleImage("super-resolution image", superResolution);
        ImageChecks.requireSingleImage("reference image", reference);
        int my = superResolution.height() / reference.height();
        int mx = superResolution.width() / reference.width();
        // NanoPyx truncates and asserts equality; a remainder would make the upsampled reference and the SR image
        // differ in size, so we demand an exact multiple.
        if (my < 1 || my != mx || my * reference.height() != superResolution.height()
                || mx * reference.width() != superResolution.width()) {
            throw new IllegalArgumentException("super-resolution image must be the same integer magnification of the reference"
                    + " along both axes, got " + superResolution.height() + "x" + superResolution.width() + " for a "
                    + reference.height() + "x" + reference.width() + " reference");
        }
    }

    /** The magnification M between reference and SR pixels. */
    public int magnification() {
        return superResolution.height() / reference.height();
    }
}
