package org.flowscope.engine.spi;

/** Arithmetic an implementation uses for its accumulations. */
public enum Precision {
    /** float32 throughout. */
    FP32,
    /** float32 storage, float64 accumulators where the reference uses them. */
    MIXED,
    /** float64 throughout. */
    FP64
}
