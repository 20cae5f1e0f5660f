package org.flowscope.simulators.load;

/**
 * How hard a GPU load presses.
 *
 * @param memoryFraction fraction of the device's free memory to hold, in [0, 0.95]
 * @param contexts       independent contexts, each with its own thread and kernels, &ge; 1; the GPU time-slices
 *                       between contexts, so more contexts leave a smaller share to the process under test
 * @param launchMillis   target duration of one busy-kernel launch, &gt; 0
 * @param deviceHint     substring of the device name to pick, or "" for the first GPU
 * @param copyMegabytes  per context, host&harr;device copies of this size run beside the kernels (CUDA), so the
 *                       transfers of the process under test share the bus too; 0 = kernels only
 */
public record GpuLoadSettings(double memoryFraction, int contexts, double launchMillis, String deviceHint, int copyMegabytes) {
    /** Bytes held on CPU-type OpenCL devices at most, whose "device memory" is the host's RAM. */
    public static final long CPU_DEVICE_HOLD_CAP = 256L << 20;

    public GpuLoadSettings {
        if (!(memoryFraction >= 0 && memoryFraction <= 0.95)) {
            throw new IllegalArgumentException("memory fraction must be in [0, 0.95], got " + memoryFraction);
        }
        if (contexts < 1 || contexts > 64) {
            throw new IllegalArgumentException("contexts must be in [1, 64], got " + contexts);
        }
        if (!(launchMillis > 0 && launchMillis <= 10_000)) {
            throw new IllegalArgumentException("launch duration must be in (0, 10000] ms, got " + launchMillis);
        }
        deviceHint = deviceHint == null ? "" : deviceHint;
        if (copyMegabytes < 0 || copyMegabytes > 4096) {
            throw new IllegalArgumentException("copy size must be in [0, 4096] MB, got " + copyMegabytes);
        }
    }

    public GpuLoadSettings(double memoryFraction, int contexts, double launchMillis, String deviceHint) {
        this(memoryFraction, contexts, launchMillis, deviceHint, 0);
    }

    public static GpuLoadSettings defaults() {
        return new GpuLoadSettings(0.7, 4, 20, "", 256);
    }

    /** Iterations for the next launch, scaled so a launch lasts about {@link #launchMillis()}. */
    int calibrate(int iters, double measuredMillis) {
        double scaled = iters * launchMillis / Math.max(measuredMillis, 1e-3);
        return (int) Math.max(16, Math.min(scaled, 50_000_000));
    }
}
