package org.flowscope.methods.esrrf3d;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/**
 * A time series of volumes, NanoPyx's {@code (T, Z, Y, X)} array: the planes of {@code planes} in hyperstack order,
 * {@code slices} consecutive planes (z fastest) per time point, so plane {@code t Z + z} is slice z of time point t.
 * Like {@link ImageStack}, the arrays are shared, not copied.
 *
 * @param planes the {@code T Z} planes, each {@code height x width}
 * @param slices planes per time point (Z), &ge; 1, dividing the plane count
 */
public record VolumeStack(ImageStack planes, int slices) {
    public VolumeStack {
        Objects.requireNonNull(planes, "planes");
        if (slices < 1 || planes.frames() % slices != 0) {
            throw new IllegalArgumentException("slices per time point must be >= 1 and divide the " + planes.frames()
                    + " planes, got " + slices);
        }
    }

    /** Time points (T). */
    public int timePoints() {
        return planes.frames() / slices;
    }

    public int height() {
        return planes.height();
    }

    public int width() {
        return planes.width();
    }

    /** Voxels per volume. */
    public int volumeSize() {
        return slices * planes.frameSize();
    }

    /** Index of the first voxel of time point {@code t} in {@code planes().data()}. */
    public int offset(int t) {
        return t * volumeSize();
    }

    /** The values in hyperstack order (not a copy). */
    public float[] data() {
        return planes.data();
    }

    @Override
    public String toString() {
        return "VolumeStack[" + timePoints() + "x" + slices + "x" + height() + "x" + width() + "]";
    }
}
