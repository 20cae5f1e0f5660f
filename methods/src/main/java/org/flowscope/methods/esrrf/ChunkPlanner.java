package org.flowscope.methods.esrrf;

import org.flowscope.engine.spi.DeviceMemoryException;

/** How many frames of a window go to a device at once, decided from its memory limits before anything runs. */
final class ChunkPlanner {
    /** Share of device memory a run may use, leaving room for the driver and other work on the device. */
    static final double MEMORY_SHARE = 0.6;

    private ChunkPlanner() {
    }

    /**
     * Frames per chunk for a block of {@code frames}, given total device memory and the largest single
     * allocation; throws {@link DeviceMemoryException} when not even one frame fits.
     */
    static int framesPerChunk(DeviceTables t, TemporalCorrelation stat, int frames, long deviceBytes, long maxAlloc) {
        long fixed = t.fixedBytes(stat);
        long budget = (long) (deviceBytes * MEMORY_SHARE);
        if (t.largestFixedBuffer() > maxAlloc) {
            throw new DeviceMemoryException("eSRRF accumulator for " + t.plan.hm + "x" + t.plan.wm + " pixels",
                    t.largestFixedBuffer(), maxAlloc);
        }
        long perFrame = t.bytesPerFrame();
        if (fixed + perFrame > budget || 8L * t.latticePoints() > maxAlloc) {
            throw new DeviceMemoryException("eSRRF of one " + t.plan.h + "x" + t.plan.w + " frame at x" + t.plan.m,
                    fixed + perFrame, budget);
        }
        long byBudget = (budget - fixed) / perFrame;
        long byAllocFrames = maxAlloc / (4L * t.plan.h * t.plan.w);
        long byAllocLattice = maxAlloc / (8L * t.latticePoints());
        return (int) Math.max(1, Math.min(frames, Math.min(byBudget, Math.min(byAllocFrames, byAllocLattice))));
    }
}
