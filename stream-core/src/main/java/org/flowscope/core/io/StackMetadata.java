package org.flowscope.core.io;

import java.util.Objects;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;

/**
 * Physical metadata of an image stack file.
 *
 * <p>A stack is a sequence of planes. With {@code slices == 1} (every 2-D file) each plane is a time point; with
 * {@code slices = Z > 1} the planes form a hyperstack of volumes, Z consecutive planes (z fastest) per time point,
 * ImageJ's and OME's XYCZT order, so plane {@code t Z + z} is slice z of time point t.
 *
 * @param pixelSizeNm     lateral pixel size in nm (square pixels), when known
 * @param frameIntervalMs time between consecutive time points in ms, when known
 * @param pixelType       storage type of the pixels in the file (a read stack is always float32 in memory)
 * @param slices          planes per time point (Z), &ge; 1; 1 for a plain time series
 * @param zStepNm         distance between consecutive slices in nm, when known (only meaningful with slices &gt; 1)
 */
public record StackMetadata(OptionalDouble pixelSizeNm, OptionalDouble frameIntervalMs, PixelType pixelType, int slices,
        OptionalDouble zStepNm) {

    public StackMetadata {
        Objects.requireNonNull(pixelSizeNm, "pixelSizeNm");
        Objects.requireNonNull(frameIntervalMs, "frameIntervalMs");
        Objects.requireNonNull(pixelType, "pixelType");
        Objects.requireNonNull(zStepNm, "zStepNm");
        if (pixelSizeNm.isPresent() && !(pixelSizeNm.getAsDouble() > 0 && Double.isFinite(pixelSizeNm.getAsDouble()))) {
            throw new IllegalArgumentException("pixel size must be a finite number > 0 nm, got " + pixelSizeNm.getAsDouble());
        }
        if (frameIntervalMs.isPresent()
                && !(frameIntervalMs.getAsDouble() > 0 && Double.isFinite(frameIntervalMs.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "frame interval must be a finite number > 0 ms, got " + frameIntervalMs.getAsDouble());
        }
        if (slices < 1) {
            throw new IllegalArgumentException("slices per time point must be >= 1, got " + slices);
        }
        if (zStepNm.isPresent() && !(zStepNm.getAsDouble() > 0 && Double.isFinite(zStepNm.getAsDouble()))) {
            throw new IllegalArgumentException("z step must be a finite number > 0 nm, got " + zStepNm.getAsDouble());
        }
    }

    /** A plain time series (one slice per time point, no z step). */
    public StackMetadata(OptionalDouble pixelSizeNm, OptionalDouble frameIntervalMs, PixelType pixelType) {
        this(pixelSizeNm, frameIntervalMs, pixelType, 1, OptionalDouble.empty());
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
        return new StackMetadata(pixelSizeNm, frameIntervalMs, type, slices, zStepNm);
    }

    public StackMetadata withPixelSizeNm(double nm) {
        return new StackMetadata(nm > 0 ? OptionalDouble.of(nm) : OptionalDouble.empty(), frameIntervalMs, pixelType,
                slices, zStepNm);
    }

    public StackMetadata withFrameIntervalMs(double ms) {
        return new StackMetadata(pixelSizeNm, ms > 0 ? OptionalDouble.of(ms) : OptionalDouble.empty(), pixelType, slices,
                zStepNm);
    }

    /** The same metadata for a hyperstack of {@code z} slices per time point. */
    public StackMetadata withSlices(int z) {
        return new StackMetadata(pixelSizeNm, frameIntervalMs, pixelType, z, zStepNm);
    }

    /** The same metadata with a z step of {@code nm} (a non-positive or NaN value means "unknown"). */
    public StackMetadata withZStepNm(double nm) {
        return new StackMetadata(pixelSizeNm, frameIntervalMs, pixelType, slices,
                nm > 0 ? OptionalDouble.of(nm) : OptionalDouble.empty());
    }
}
