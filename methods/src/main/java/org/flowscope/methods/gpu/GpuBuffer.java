package org.flowscope.methods.gpu;

/** A device buffer taken from the device's pool for one {@link Gpu} session; the session gives it back at its end. */
public interface GpuBuffer {
    /** Size in bytes. */
    long bytes();
}
