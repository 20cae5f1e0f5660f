package org.flowscope.methods.esrrf3d;

import org.flowscope.engine.spi.DeviceMemoryException;

/**
 * How many frames (volumes) of a time point go to a GPU at once, decided from its memory before anything runs:
 * per frame the input volume (float), its intensity and gradients (float4) and their magnification (float4 per output
 * voxel); fixed, the Welford sums (two doubles per output voxel), the result and the tables.
 */
final class Esrrf3dChunks {
    /** Share of device memory a run may use, leaving room for the driver and other work on the device. */
    static final double MEMORY_SHARE = 0.6;
    /** Most blocks along a CUDA grid's z, which carries slices times frames. */
    static final int MAX_GRID_Z = 65535;

    private Esrrf3dChunks() {
    }

    static long bytesPerFrame(Esrrf3dPlan p) {
        return 20L * p.inputVoxels() + 16L * p.voxels();
    }

    static long fixedBytes(Esrrf3dPlan p) {
        long tables = 12L * Esrrf3dPlan.TAPS * (p.zm + p.hm + p.wm)
                + 8L * (p.hm * p.slotsY.count() + p.wm * p.slotsX.count()) + 12L * p.zm * p.slotsZ.count();
        return 20L * p.voxels() + tables;
    }

    /** Frames per chunk for a time point of {@code frames}; {@link DeviceMemoryException} when one does not fit. */
    static int framesPerChunk(Esrrf3dPlan p, int frames, long deviceBytes, long maxAlloc) {
        if (Math.max(p.z, p.zm) > MAX_GRID_Z) {
            throw new IllegalArgumentException("eSRRF 3-D on a GPU launches at most " + MAX_GRID_Z + " slices, got "
                    + Math.max(p.z, p.zm));
        }
        long budget = (long) (deviceBytes * MEMORY_SHARE);
        long magnified = 16L * p.voxels();
        if (magnified > maxAlloc) {
            throw new DeviceMemoryException("eSRRF 3-D magnified volume of " + p.wm + "x" + p.hm + "x" + p.zm + " voxels",
                    magnified, maxAlloc);
        }
        long perFrame = bytesPerFrame(p);
        long fixed = fixedBytes(p);
        if (fixed + perFrame > budget) {
            throw new DeviceMemoryException("eSRRF 3-D of one " + p.w + "x" + p.h + "x" + p.z + " volume at x" + p.mxy
                    + "/x" + p.mz, fixed + perFrame, budget);
        }
        long byBudget = (budget - fixed) / perFrame;
        long byAlloc = maxAlloc / magnified;
        long byGrid = MAX_GRID_Z / Math.max(p.z, p.zm);
        return (int) Math.max(1, Math.min(frames, Math.min(byBudget, Math.min(byAlloc, byGrid))));
    }
}
