package org.flowscope.methods.esrrf3d;

/** How eSRRF 3-D reduces the per-frame RGC volumes of a time point (NanoPyx's {@code mode}). */
public enum TemporalMode {
    /** The mean over the frames. */
    AVERAGE,
    /** The population standard deviation over the frames, {@code sqrt(M2 / n)} (Welford). */
    STD
}
