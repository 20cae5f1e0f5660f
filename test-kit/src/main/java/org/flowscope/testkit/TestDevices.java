package org.flowscope.testkit;

import java.util.List;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Assumptions;

/**
 * Devices for tests. GPU devices are discovered once per test JVM and kept open for its lifetime (building
 * contexts per test would dominate test time); when a backend is absent the test is skipped with the discovery
 * reason, never passed.
 */
public final class TestDevices {
    private static volatile DeviceSet discovered;

    private TestDevices() {
    }

    /** A fresh CPU device with all cores; close it after use (try-with-resources). */
    public static CpuDevice cpu() {
        return CpuDevice.create();
    }

    /** The first OpenCL device (PoCL on CI), or the test is skipped with the reason. */
    public static OpenClDevice openClOrSkip() {
        return first(DeviceKind.OPENCL, OpenClDevice.class);
    }

    /** All OpenCL devices (e.g. PoCL and an NVIDIA GPU), or the test is skipped with the reason. */
    public static List<OpenClDevice> openClDevicesOrSkip() {
        return all(DeviceKind.OPENCL, OpenClDevice.class);
    }

    /** The first CUDA device, or the test is skipped with the reason (no NVIDIA driver on CI). */
    public static CudaDevice cudaOrSkip() {
        return first(DeviceKind.CUDA, CudaDevice.class);
    }

    /** The devices found on this machine (shared, do not close). */
    public static DeviceSet discovered() {
        DeviceSet d = discovered;
        if (d == null) {
            synchronized (TestDevices.class) {
                d = discovered;
                if (d == null) {
                    d = DeviceDiscovery.discover(0, true, true);
                    DeviceSet toClose = d;
                    Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "test-devices-close"));
                    discovered = d;
                }
            }
        }
        return d;
    }

    private static <D> D first(DeviceKind kind, Class<D> type) {
        return all(kind, type).get(0);
    }

    private static <D> List<D> all(DeviceKind kind, Class<D> type) {
        DeviceSet set = discovered();
        List<D> found = set.devices(kind).stream().filter(type::isInstance).map(type::cast).toList();
        String reason = set.backend(kind).map(b -> b.reason()).orElse("not probed");
        Assumptions.assumeFalse(found.isEmpty(), () -> "skipped: no " + kind + " device: " + reason);
        return found;
    }
}
