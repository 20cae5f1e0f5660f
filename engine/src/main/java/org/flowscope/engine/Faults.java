package org.flowscope.engine;

import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.DeviceLostException;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.engine.spi.KernelBuildException;

/**
 * Which errors of a candidate the engine survives by recomputing on another (switching on the type, never on the
 * message): the device exceptions of the SPI and a missing native library on any device, and any other runtime
 * error of a GPU implementation (a driver's {@code CLException} or {@code CudaException}, a kernel fault). An
 * {@link IllegalArgumentException} is bad input and a runtime error of CPU code is a bug: both propagate, as does
 * any other {@link Error} (the JVM out of heap included).
 */
final class Faults {
    private Faults() {
    }

    /** The kind of device failure {@code e} is on a device of {@code kind}, or null when it must propagate. */
    static FailureKind kind(Throwable e, DeviceKind kind) {
        if (e instanceof IllegalArgumentException) {
            return null;
        }
        if (e instanceof DeviceLostException) {
            return FailureKind.DEVICE_LOST;
        }
        if (e instanceof DeviceMemoryException) {
            return FailureKind.OUT_OF_MEMORY;
        }
        if (e instanceof KernelBuildException) {
            return FailureKind.KERNEL_BUILD;
        }
        if (e instanceof BackendUnavailableException || e instanceof LinkageError) {
            return FailureKind.UNAVAILABLE;
        }
        if (e instanceof RuntimeException && kind != DeviceKind.CPU) {
            return FailureKind.FAULT;
        }
        return null;
    }

    /** "ExceptionType: message" (a kernel build's log is part of its message). */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
