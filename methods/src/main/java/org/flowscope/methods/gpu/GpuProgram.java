package org.flowscope.methods.gpu;

import java.util.Objects;

/**
 * A kernel program: {@code name.cl} (OpenCL C in the common dialect) and {@code name.ptx} (its CUDA build), resources
 * next to {@code anchor}.
 */
public record GpuProgram(Class<?> anchor, String name) {
    public GpuProgram {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(name, "name");
    }

    String openClResource() {
        return name + ".cl";
    }

    String ptxResource() {
        return name + ".ptx";
    }
}
