package org.flowscope.engine.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the CPU, the OpenCL devices (JOCL) and the CUDA devices (JCuda driver API). A missing OpenCL loader or
 * NVIDIA driver, or a backend that reports no device, makes that backend unavailable with the reason; discovery
 * itself never fails because of it.
 */
public final class DeviceDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDiscovery.class);

    private DeviceDiscovery() {
    }

    /**
     * @param cpuCores  worker threads for the CPU device; 0 means all available processors
     * @param openCl    whether to probe OpenCL
     * @param cuda      whether to probe CUDA
     */
    public static DeviceSet discover(int cpuCores, boolean openCl, boolean cuda) {
        List<Device> devices = new ArrayList<>();
        List<BackendStatus> statuses = new ArrayList<>();
        CpuDevice cpu = cpuCores == 0 ? CpuDevice.create() : CpuDevice.withCores(cpuCores);
        devices.add(cpu);
        statuses.add(new BackendStatus(DeviceKind.CPU, 1, ""));
        statuses.add(probe(DeviceKind.OPENCL, openCl, OpenClDevice::openAll, devices,
                "no OpenCL loader (libOpenCL.so) could be loaded", "OpenCL"));
        statuses.add(probe(DeviceKind.CUDA, cuda, CudaDevice::openAll, devices,
                "no NVIDIA driver (libcuda.so) could be loaded", "CUDA"));
        return new DeviceSet(devices, statuses);
    }

    private static BackendStatus probe(DeviceKind kind, boolean enabled, Supplier<List<? extends Device>> open,
            List<Device> into, String linkReason, String name) {
        if (!enabled) {
            return new BackendStatus(kind, 0, name + " disabled by configuration");
        }
        try {
            List<? extends Device> found = open.get();
            if (found.isEmpty()) {
                return new BackendStatus(kind, 0, name + " reports no device");
            }
            into.addAll(found);
            return new BackendStatus(kind, found.size(), "");
        } catch (LinkageError e) {
            LOG.debug("{} unavailable", name, e);
            return new BackendStatus(kind, 0, linkReason + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("{} unavailable", name, e);
            return new BackendStatus(kind, 0, name + " unavailable: " + e);
        }
    }
}
