package org.flowscope.engine.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The devices an engine computes on, and for each backend why it has no device when it has none. A set made by
 * {@link DeviceDiscovery#lazy} probes a GPU backend only when a device of that kind is first asked for, so a run
 * restricted to the CPU, or one that needs no device, never loads a GPU library. Closing the set closes every
 * device opened so far (contexts, queues, caches, pools). Thread-safe.
 */
public final class DeviceSet implements AutoCloseable {
    /** One backend's devices and status, as discovery returns them. */
    record Found(List<Device> devices, BackendStatus status) {
    }

    private final Map<DeviceKind, List<Device>> devices = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, BackendStatus> statuses = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, Supplier<Found>> pending = new EnumMap<>(DeviceKind.class);
    private boolean closed;

    /** A set of devices found already, with the status of every backend. */
    public DeviceSet(List<? extends Device> devices, List<BackendStatus> backends) {
        for (Device d : devices) {
            this.devices.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
        }
        for (BackendStatus b : backends) {
            statuses.put(b.kind(), b);
        }
    }

    private DeviceSet(List<Found> ready, Map<DeviceKind, Supplier<Found>> later) {
        ready.forEach(this::record);
        pending.putAll(later);
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

    /** Backends found now ({@code ready}) and backends probed on first use ({@code later}). */
    static DeviceSet lazy(List<Found> ready, Map<DeviceKind, Supplier<Found>> later) {
        return new DeviceSet(ready, later);
    }

    /** Every device, discovering every backend not probed yet. */
    public synchronized List<Device> devices() {
        List<Device> out = new ArrayList<>();
        for (DeviceKind kind : DeviceKind.values()) {
            out.addAll(devices(kind));
        }
        return List.copyOf(out);
    }

    /** The devices of one kind, discovering that backend if it was not probed yet. */
    public synchronized List<Device> devices(DeviceKind kind) {
        probe(kind);
        return List.copyOf(devices.getOrDefault(kind, List.of()));
    }

    /** The status of every backend, discovering those not probed yet. */
    public synchronized List<BackendStatus> backends() {
        List<BackendStatus> out = new ArrayList<>();
        for (DeviceKind kind : DeviceKind.values()) {
            backend(kind).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    public synchronized Optional<BackendStatus> backend(DeviceKind kind) {
        probe(kind);
        return Optional.ofNullable(statuses.get(kind));
    }

    /** Whether the backend of {@code kind} has been probed (always true for sets not made lazily). */
    public synchronized boolean probed(DeviceKind kind) {
        return !pending.containsKey(kind);
    }

    /** The first CPU device; every set made by discovery has one. */
    public synchronized Optional<CpuDevice> cpu() {
        return devices.getOrDefault(DeviceKind.CPU, List.of()).stream()
                .filter(CpuDevice.class::isInstance).map(CpuDevice.class::cast).findFirst();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (DeviceKind kind : pending.keySet()) { // never opened, nothing to close
            statuses.put(kind, new BackendStatus(kind, 0, "the device set was closed before " + kind + " was probed"));
        }
        pending.clear();
        for (List<Device> list : devices.values()) {
            for (Device d : list) {
                d.close();
            }
        }
    }

    private void probe(DeviceKind kind) {
        Supplier<Found> discovery = pending.remove(kind);
        if (discovery == null) {
            return;
        }
        record(discovery.get());
    }

    private void record(Found found) {
        statuses.put(found.status().kind(), found.status());
        for (Device d : found.devices()) {
            devices.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
        }
    }
}
