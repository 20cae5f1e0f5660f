package org.flowscope.engine.spi;

/** How an implementation computes: which API, and hence which kind of device it needs. */
public enum Backend {
    CPU(DeviceKind.CPU),
    CPU_THREADED(DeviceKind.CPU),
    OPENCL(DeviceKind.OPENCL),
    CUDA(DeviceKind.CUDA);

    private final DeviceKind deviceKind;

    Backend(DeviceKind deviceKind) {
        this.deviceKind = deviceKind;
    }

    /** The kind of device an implementation of this backend runs on. */
    public DeviceKind deviceKind() {
        return deviceKind;
    }
}
