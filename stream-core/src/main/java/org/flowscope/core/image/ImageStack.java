package org.flowscope.core.image;

import java.util.Arrays;

/**
 * A stack of float32 images, row-major, indexed (frame, row, column) like NanoPyx's (T, Y, X) arrays.
 * Pixel {@code (f, y, x)} lives at {@code data[(f * height + y) * width + x]}. Pixel {@code k} of a row covers
 * the continuous interval [k, k+1), so its centre is at k + 0.5.
 *
 * <p>The array is shared, not copied: methods treat their inputs as read-only and return new stacks.
 */
public final class ImageStack {
    private final int frames;
    private final int height;
    private final int width;
    private final float[] data;

    public ImageStack(int frames, int height, int width, float[] data) {
        if (frames <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "stack dimensions must be positive, got frames=" + frames + " height=" + height + " width=" + width);
        }
        long n = (long) frames * height * width;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stack too large for one array: " + n + " pixels");
        }
        if (data.length != n) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " does not match " + frames + "x" + height + "x" + width);
        }
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /** A zero-filled stack. */
    public static ImageStack zeros(int frames, int height, int width) {
        return new ImageStack(frames, height, width, new float[Math.multiplyExact(Math.multiplyExact(frames, height), width)]);
    }

    /** A one-frame stack viewing {@code pixels} (length height &times; width). */
    public static ImageStack ofImage(int height, int width, float[] pixels) {
        return new ImageStack(1, height, width, pixels);
    }

    public int frames() {
        return frames;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Pixels per frame. */
    public int frameSize() {
        return height * width;
    }

    /** The backing array (not a copy). */
    public float[] data() {
        return data;
    }

    public float get(int f, int y, int x) {
        return data[(f * height + y) * width + x];
    }

    /** Index of the first pixel of frame {@code f} in {@link #data()}. */
    public int offset(int f) {
        return f * height * width;
    }

    /** A copy of frames [from, to). */
    public ImageStack frames(int from, int to) {
        if (from < 0 || to > frames || from >= to) {
            throw new IllegalArgumentException("frame range [" + from + ", " + to + ") outside [0, " + frames + ")");
        }
        return new ImageStack(to - from, height, width, Arrays.copyOfRange(data, offset(from), offset(to)));
    }

    /** A copy of frame {@code f} as a one-frame stack. */
    public ImageStack frame(int f) {
        return frames(f, f + 1);
    }

    @Override
    public String toString() {
        return "ImageStack[" + frames + "x" + height + "x" + width + "]";
    }
}
