package org.flowscope.engine.spi;

/** The families of compute device the engine can drive. */
public enum DeviceKind {
    CPU,
    OPENCL,
    CUDA
}
