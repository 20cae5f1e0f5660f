package org.flowscope.engine.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The devices an engine computes on, and for each backend why it has no device when it has none. Closing the set
 * closes every device (contexts, queues, caches, pools).
 */
public final class DeviceSet implements AutoCloseable {
    private final List<Device> devices;
    private final List<BackendStatus> backends;

    public DeviceSet(List<? extends Device> devices, List<BackendStatus> backends) {
        this.devices = List.copyOf(devices);
        this.backends = List.copyOf(backends);
    }

    /** Devices given directly (tests, embedding): every backend not represented is reported as not configured. */
    public static DeviceSet of(List<? extends Device> devices) {
        List<BackendStatus> statuses = new ArrayList<>();
        for (DeviceKind kind : DeviceKind.values()) {
            long n = devices.stream().filter(d -> d.kind() == kind).count();
            statuses.add(new BackendStatus(kind, (int) n, n > 0 ? "" : "no " + kind + " device was configured"));
        }
        return new DeviceSet(devices, statuses);
    }

    public List<Device> devices() {
        return devices;
    }

    public List<Device> devices(DeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind).toList();
    }

    public List<BackendStatus> backends() {
        return backends;
    }

    public Optional<BackendStatus> backend(DeviceKind kind) {
        return backends.stream().filter(b -> b.kind() == kind).findFirst();
    }

    /** The first CPU device; every set made by discovery has one. */
    public Optional<CpuDevice> cpu() {
        return devices.stream().filter(CpuDevice.class::isInstance).map(CpuDevice.class::cast).findFirst();
    }

    @Override
    public void close() {
        for (Device d : devices) {
            d.close();
        }
    }
}
