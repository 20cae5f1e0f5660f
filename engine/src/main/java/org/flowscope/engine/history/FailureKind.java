package org.flowscope.engine.history;

/** What went wrong when a candidate failed; decides how long it is left alone ({@link BackOff}). */
public enum FailureKind {
    /** The device could not hold the work ({@code DeviceMemoryException}): memory may be free again soon. */
    OUT_OF_MEMORY,
    /** A kernel did not compile or load ({@code KernelBuildException}, with the build log). */
    KERNEL_BUILD,
    /** The device stopped working ({@code DeviceLostException}): every implementation on it is left alone. */
    DEVICE_LOST,
    /** The backend cannot be used ({@code BackendUnavailableException}, a missing native library). */
    UNAVAILABLE,
    /** Any other error of a GPU implementation (a driver or kernel fault). */
    FAULT
}
