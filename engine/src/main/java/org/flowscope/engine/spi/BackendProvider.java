package org.flowscope.engine.spi;

/**
 * A device backend beyond the CPU, shipped in its own module ({@code engine-opencl}, {@code engine-cuda}) and found
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/org.flowscope.engine.spi.BackendProvider}), so
 * that the engine core needs neither JOCL nor JCuda: an application without a backend module simply has no devices
 * of that kind, with the reason "not on the class path".
 *
 * <p>A provider's constructor and {@link #kind()} must not touch its native binding; {@link #discover()} does, and
 * is called at most once per engine, only when a device of that kind is wanted.
 */
public interface BackendProvider {
    /** The kind of device this backend drives. */
    DeviceKind kind();

    /**
     * Opens every device of this backend. A missing or broken native library, driver or platform is not an error
     * but an empty result with the reason and what to install; nothing may be printed (native libraries are probed
     * before the binding initialises). May still throw {@link LinkageError} when the binding's jar is absent; the
     * engine reports that too.
     */
    BackendDiscovery discover();
}
