package org.flowscope.simulators.camera;

import java.util.Locale;

/**
 * How the camera noise of a frame draws its random numbers. Both give the same frames for a seed on any number of
 * render threads; they give different frames from each other.
 */
public enum NoiseStreams {
    /**
     * One stream through every pixel of every frame (the original simulator's frames, bit for bit). Where a pixel's
     * draws begin depends on every pixel before it, so parallel rendering needs one sequential walk of the stream
     * per frame ({@link NoisePlanner}), which bounds the frame rate whatever the number of cores.
     */
    SEQUENTIAL,
    /**
     * One independent stream per (frame, band of rows), derived from the seed: every band's noise is drawn at once
     * on any thread, with no sequential pass. Bands are cut by the frame width only, never by the thread count.
     */
    BANDED;

    /** {@code sequential} or {@code banded}. */
    public static NoiseStreams parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("noise streams must be sequential or banded, got '" + s + "'", e);
        }
    }
}
