package org.flowscope.simulators.load;

/** Which device a {@link DeviceLoad} occupies. */
public enum LoadTarget {
    /** All CPU cores (the threaded path's device). */
    CPU,
    /** An OpenCL device (GPU preferred), through JOCL. */
    OPENCL,
    /** An NVIDIA GPU through the CUDA driver API. */
    CUDA;

    /** Parses "cpu", "opencl", "cuda" (any case); the message lists the choices. */
    public static LoadTarget parse(String s) {
        for (LoadTarget t : values()) {
            if (t.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("load target must be one of cpu, opencl, cuda, got '" + s + "'");
    }
}
