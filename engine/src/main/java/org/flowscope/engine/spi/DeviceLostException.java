package org.flowscope.engine.spi;

/**
 * The device stopped working during a run (reset, removed, a driver or hardware fault that invalidates its context):
 * unlike {@link DeviceMemoryException} or {@link KernelBuildException}, every implementation on the device is
 * affected, so the engine leaves the whole device alone for a back-off and recomputes on another.
 */
public class DeviceLostException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    public DeviceLostException(String message) {
        super(message);
    }

    public DeviceLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
