package org.flowscope.core.frame;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What is known about one acquired frame.
 *
 * @param sequence          frame number assigned by the source (camera ImageNumber, file index); gaps mean lost frames
 * @param acquisitionTimeNs acquisition time in nanoseconds on the source's clock
 * @param width             columns, &gt; 0
 * @param height            rows, &gt; 0
 * @param pixelType         storage type of the pixels
 * @param pixelSizeNm       physical pixel size in nm, when known
 * @param channel           channel index, &ge; 0
 * @param source            a short label of the producing source ("sim", "replay:stack.tif", "mm:DCam")
 */
public record FrameMetadata(
        long sequence,
        long acquisitionTimeNs,
        int width,
        int height,
        PixelType pixelType,
        OptionalDouble pixelSizeNm,
        int channel,
        String source) {

    public FrameMetadata {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(pixelType, "pixelType");
        Objects.requireNonNull(pixelSizeNm, "pixelSizeNm");
        if (pixelSizeNm.isPresent() && !(pixelSizeNm.getAsDouble() > 0)) {
            throw new IllegalArgumentException("pixel size must be > 0 nm, got " + pixelSizeNm.getAsDouble());
        }
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0, got " + channel);
        }
        Objects.requireNonNull(source, "source");
    }

    /** Number of pixels, width &times; height. */
    public int pixelCount() {
        return width * height;
    }
}
