package org.flowscope.methods.robertscross;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/**
 * A pair of gradient stacks of equal shape.
 *
 * @param col derivative along columns (x), {@code Gc}
 * @param row derivative along rows (y), {@code Gr}
 */
public record Gradients(ImageStack col, ImageStack row) {
    public Gradients {
        Objects.requireNonNull(col, "col");
        Objects.requireNonNull(row, "row");
        if (col.frames() != row.frames() || col.height() != row.height() || col.width() != row.width()) {
            throw new IllegalArgumentException("gradient stacks must have equal shapes, got " + col + " and " + row);
        }
    }
}
