package org.flowscope.methods.srrf;

import org.flowscope.engine.spi.DeviceMemoryException;

/**
 * The device memory of a GPU run and how many frames go to the device at once, decided from the device's limits
 * before anything runs.
 */
final class DeviceMemory {
    /** Share of device memory a run may use, leaving room for the driver and other work on the device. */
    static final double MEMORY_SHARE = 0.6;

    final long pixels;
    final long framePixels;
    final int phases;
    final int slots;
    final boolean cumulant;

    DeviceMemory(SrrfParams p, int h, int w) {
        this.framePixels = (long) h * w;
        this.pixels = framePixels * p.magnification() * p.magnification();
        this.phases = p.magnification() * p.magnification();
        this.slots = RadialityAccumulator.slots(p.temporal());
        this.cumulant = p.temporal().window() > 0;
    }

    /** Bytes of the running state (double sums, last values, shift) and the result. */
    long fixedBytes() {
        return 8L * slots * pixels + (cumulant ? 20L * pixels : 0) + 4L * pixels + 4L * 2 * SrrfParams.RING_POINTS;
    }

    /** Bytes per frame of a chunk: the frame, its gradients and its phase means. */
    long bytesPerFrame() {
        return 12L * framePixels + 4L * phases;
    }

    /**
     * Frames per chunk for a time point of {@code frames}, given the device's memory and its largest allocation;
     * {@link DeviceMemoryException} when not even one frame fits.
     */
    int framesPerChunk(int frames, long deviceBytes, long maxAlloc) {
        long largest = Math.max(8L * slots * pixels, cumulant ? 16L * pixels : 0);
        if (largest > maxAlloc) {
            throw new DeviceMemoryException("SRRF running sums for " + pixels + " pixels", largest, maxAlloc);
        }
        long budget = (long) (deviceBytes * MEMORY_SHARE);
        if (fixedBytes() + bytesPerFrame() > budget || 8L * framePixels > maxAlloc) {
            throw new DeviceMemoryException("SRRF of one frame of " + framePixels + " pixels into " + pixels,
                    fixedBytes() + bytesPerFrame(), budget);
        }
        long byBudget = (budget - fixedBytes()) / bytesPerFrame();
        long byAlloc = maxAlloc / (8L * framePixels);
        return (int) Math.max(1, Math.min(frames, Math.min(byBudget, byAlloc)));
    }
}
