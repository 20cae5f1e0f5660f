package org.flowscope.engine.spi;

/** What the engine hands an implementation for one run. */
public interface ExecutionContext {
    /** The device the engine chose for this run. */
    Device device();

    /** The device as the concrete type an implementation works with, e.g. the engine's OpenCL device. */
    default <D extends Device> D device(Class<D> type) {
        Device d = device();
        if (!type.isInstance(d)) {
            throw new BackendUnavailableException(
                    "implementation needs a " + type.getSimpleName() + " but was given " + d.identity().label());
        }
        return type.cast(d);
    }
}
