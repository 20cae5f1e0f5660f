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

    /**
     * The informative part of a native-loading error: JCuda/JOCL put whole nested stack traces into the message;
     * the line naming the missing shared object is what a user needs.
     */
    static String concise(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String cause = message.lines()
                .filter(l -> l.contains("cannot open shared object file") || l.contains("undefined symbol"))
                .findFirst().orElse(null);
        if (cause != null) {
            int so = cause.indexOf(".so: ");
            return so >= 0 ? cause.substring(so + 5).trim() : cause.replaceFirst("^.*UnsatisfiedLinkError: ", "").trim();
        }
        String first = message.lines().findFirst().orElse(message).trim();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
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
            return new BackendStatus(kind, 0, linkReason + ": " + concise(e));
        } catch (RuntimeException e) {
            LOG.debug("{} unavailable", name, e);
            return new BackendStatus(kind, 0, name + " unavailable: " + concise(e));
        }
    }
}
