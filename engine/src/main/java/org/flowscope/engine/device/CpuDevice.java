package org.flowscope.engine.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The host CPU. Threaded implementations run on its own {@link ForkJoinPool} (never the common pool, so that a
 * pipeline's own parallel streams do not compete with it invisibly), sized to the cores given at creation.
 */
public final class CpuDevice implements Device {
    private final DeviceIdentity identity;
    private final ForkJoinPool pool;

    private CpuDevice(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        this.pool = new ForkJoinPool(cores);
        this.identity = new DeviceIdentity(DeviceKind.CPU, cpuInfo("vendor_id", System.getProperty("os.arch")),
                cpuInfo("model name", System.getProperty("os.arch")), "Java " + Runtime.version(),
                physicalMemory(), cores);
    }

    /** The CPU with all cores the JVM sees. */
    public static CpuDevice create() {
        return new CpuDevice(Runtime.getRuntime().availableProcessors());
    }

    /** The CPU restricted to {@code cores} worker threads. */
    public static CpuDevice withCores(int cores) {
        return new CpuDevice(cores);
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    /** Number of worker threads of {@link #pool()}. */
    public int cores() {
        return pool.getParallelism();
    }

    /** The pool threaded implementations submit their work to. */
    public ForkJoinPool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return identity.label();
    }

    /** Physical memory: unlike the heap limit it does not change between runs, so histories do not split on -Xmx. */
    private static long physicalMemory() {
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (LinkageError | RuntimeException e) {
            // jdk.management missing from a trimmed runtime
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String cpuInfo(String field, String fallback) {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return fallback;
        }
        try {
            List<String> lines = Files.readAllLines(info);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
        return fallback;
    }
}
