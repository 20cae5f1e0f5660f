package org.flowscope.core.frame;

/**
 * Moves a frame's pixels back by its drift ({@link FrameShift}): a resampling, for operators that cannot fold the
 * shift into an interpolation of their own (a temporal average, a corrected copy of the raw frames).
 */
@FunctionalInterface
public interface FrameCorrection {
    /** Resamples the {@code height x width} frame in {@code pixels} in place so that it reads {@code p + shift} at p. */
    void apply(float[] pixels, int height, int width, FrameShift shift);
}
