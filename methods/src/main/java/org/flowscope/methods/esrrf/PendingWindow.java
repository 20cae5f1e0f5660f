package org.flowscope.methods.esrrf;

import org.flowscope.core.image.ImageStack;

/**
 * A window's eSRRF image that may still be computing on a device; {@link #await} may be called from another thread
 * than the one that asked for it (the result writer), once.
 */
@FunctionalInterface
public interface PendingWindow {
    /** The image {@code (1, H M, W M)}, macro-pixel corrected when asked; blocks until it is ready. */
    ImageStack await();

    /** An image that is already there. */
    static PendingWindow done(ImageStack image) {
        return () -> image;
    }
}
