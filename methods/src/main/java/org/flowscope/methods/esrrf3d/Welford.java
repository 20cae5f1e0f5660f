package org.flowscope.methods.esrrf3d;

/**
 * Running mean and sum of squared deviations per voxel over the frames of a time point (Welford's update, in double:
 * {@code delta = v - mean; mean += delta / n; m2 += delta (v - mean)}), the reduction of {@link TemporalMode}.
 * NanoPyx runs the same update in float32; double keeps long series exact to float rounding. The GPU kernels make the
 * same operations in the same order. Not thread-safe, but voxels are independent: threads may update disjoint ranges.
 */
final class Welford {
    private final double[] mean;
    private final double[] m2;
    private int frames;

    Welford(int voxels) {
        mean = new double[voxels];
        m2 = new double[voxels];
    }

    /**
     * Adds the values of voxels {@code [from, from + count)} of frame number {@code n} (1-based: the count including
     * this frame), read from {@code values[valuesOff ..]}.
     */
    void add(float[] values, int valuesOff, int from, int count, int n) {
        for (int i = from; i < from + count; i++) {
            double v = values[valuesOff + i - from];
            double delta = v - mean[i];
            mean[i] += delta / n;
            m2[i] += delta * (v - mean[i]);
        }
    }

    /** Counts a frame whose voxels were all added. */
    void endFrame() {
        frames++;
    }

    int frames() {
        return frames;
    }

    /** The reduction of the frames so far, as float. */
    float[] result(TemporalMode mode) {
        float[] out = new float[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mode == TemporalMode.AVERAGE ? (float) mean[i] : (float) Math.sqrt(m2[i] / frames);
        }
        return out;
    }
}
