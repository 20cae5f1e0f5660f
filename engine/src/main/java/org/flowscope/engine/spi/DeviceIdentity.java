package org.flowscope.engine.spi;

import java.util.Objects;

/**
 * The identity of a compute device, part of every benchmark-history key so that timings never travel between
 * different hardware or drivers.
 *
 * @param kind         device family
 * @param vendor       e.g. "NVIDIA Corporation", "GenuineIntel"
 * @param model        e.g. "NVIDIA H100 80GB HBM3", the CPU model name
 * @param driver       driver or runtime version, e.g. "580.159", "PoCL 3.1", the JVM version for the CPU
 * @param memoryBytes  device memory (global memory for GPUs, physical memory for the CPU)
 * @param computeUnits cores (CPU), compute units (OpenCL) or multiprocessors (CUDA)
 */
public record DeviceIdentity(DeviceKind kind, String vendor, String model, String driver, long memoryBytes, int computeUnits) {
    public DeviceIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(driver, "driver");
    }

    /** A short human label, e.g. "CUDA NVIDIA H100 (132 CU)". */
    public String label() {
        return kind + " " + model + " (" + computeUnits + " CU)";
    }
}
