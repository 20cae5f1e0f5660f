package org.flowscope.core.io;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/** A stack read from a TIFF file: float32 pixels (unsigned values are not rescaled) plus the file's metadata. */
public record TiffStack(ImageStack stack, StackMetadata metadata) {
    public TiffStack {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(metadata, "metadata");
    }
}
