package org.flowscope.methods.rgc;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/**
 * The three magnified inputs of {@link Rgc}: gradients on a grid twice as fine as the image.
 *
 * @param gradientCol column gradient magnified by 2M, {@code (F, 2HM, 2WM)}
 * @param gradientRow row gradient magnified by 2M, {@code (F, 2HM, 2WM)}
 * @param image       intensity magnified by M, {@code (F, HM, WM)}
 */
public record RgcInput(ImageStack gradientCol, ImageStack gradientRow, ImageStack image) {
    public RgcInput {
        Objects.requireNonNull(gradientCol, "gradientCol");
        Objects.requireNonNull(gradientRow, "gradientRow");
        Objects.requireNonNull(image, "image");
        for (ImageStack g : new ImageStack[] {gradientCol, gradientRow}) {
            if (g.frames() != image.frames() || g.height() != 2 * image.height() || g.width() != 2 * image.width()) {
                throw new IllegalArgumentException("gradients must be (F, 2HM, 2WM) = (" + image.frames() + ", "
                        + 2 * image.height() + ", " + 2 * image.width() + "), got " + g);
            }
        }
    }
}
