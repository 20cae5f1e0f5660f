package org.flowscope.core.io;

import java.util.Objects;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;

/**
 * Physical metadata of an image stack file.
 *
 * @param pixelSizeNm     lateral pixel size in nm (square pixels), when known
 * @param frameIntervalMs time between consecutive frames in ms, when known
 * @param pixelType       storage type of the pixels in the file (a read stack is always float32 in memory)
 */
public record StackMetadata(OptionalDouble pixelSizeNm, OptionalDouble frameIntervalMs, PixelType pixelType) {

    public StackMetadata {
        Objects.requireNonNull(pixelSizeNm, "pixelSizeNm");
        Objects.requireNonNull(frameIntervalMs, "frameIntervalMs");
        Objects.requireNonNull(pixelType, "pixelType");
        if (pixelSizeNm.isPresent() && !(pixelSizeNm.getAsDouble() > 0 && Double.isFinite(pixelSizeNm.getAsDouble()))) {
            throw new IllegalArgumentException("pixel size must be a finite number > 0 nm, got " + pixelSizeNm.getAsDouble());
        }
        if (frameIntervalMs.isPresent()
                && !(frameIntervalMs.getAsDouble() > 0 && Double.isFinite(frameIntervalMs.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "frame interval must be a finite number > 0 ms, got " + frameIntervalMs.getAsDouble());
        }
    }

    /** No calibration, the given pixel type. */
    public static StackMetadata of(PixelType pixelType) {
        return new StackMetadata(OptionalDouble.empty(), OptionalDouble.empty(), pixelType);
    }

    /** Calibrated metadata; a non-positive or NaN value means "unknown". */
    public static StackMetadata of(PixelType pixelType, double pixelSizeNm, double frameIntervalMs) {
        return new StackMetadata(
                pixelSizeNm > 0 ? OptionalDouble.of(pixelSizeNm) : OptionalDouble.empty(),
                frameIntervalMs > 0 ? OptionalDouble.of(frameIntervalMs) : OptionalDouble.empty(),
                pixelType);
    }

    public StackMetadata withPixelType(PixelType type) {
        return new StackMetadata(pixelSizeNm, frameIntervalMs, type);
    }

    public StackMetadata withPixelSizeNm(double nm) {
        return new StackMetadata(nm > 0 ? OptionalDouble.of(nm) : OptionalDouble.empty(), frameIntervalMs, pixelType);
    }

    public StackMetadata withFrameIntervalMs(double ms) {
        return new StackMetadata(pixelSizeNm, ms > 0 ? OptionalDouble.of(ms) : OptionalDouble.empty(), pixelType);
    }
}
