package org.flowscope.methods.esrrf;

/**
 * Optional breakdown of a GPU run for benchmarks: when passed to a device implementation, it synchronises after
 * each phase and adds the phase's wall time here (so runs with timings are slightly slower than without).
 */
public final class DeviceTimings {
    private long uploadNanos;
    private long kernelNanos;
    private long downloadNanos;
    private long frames;

    void upload(long ns) {
        uploadNanos += ns;
    }

    void kernel(long ns, int frameCount) {
        kernelNanos += ns;
        frames += frameCount;
    }

    void download(long ns) {
        downloadNanos += ns;
    }

    public long uploadNanos() {
        return uploadNanos;
    }

    /** Lattice, RGC and statistic kernels, frames resident on the device. */
    public long kernelNanos() {
        return kernelNanos;
    }

    public long downloadNanos() {
        return downloadNanos;
    }

    public long frames() {
        return frames;
    }

    public void reset() {
        uploadNanos = 0;
        kernelNanos = 0;
        downloadNanos = 0;
        frames = 0;
    }
}
