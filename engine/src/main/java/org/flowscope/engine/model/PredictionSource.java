package org.flowscope.engine.model;

/** Where a predicted run time came from, from most to least trustworthy. */
public enum PredictionSource {
    /** Own samples of exactly this work shape. */
    MEASURED,
    /** Regression of own samples of other shapes on the cost feature. */
    REGRESSION,
    /** One other own shape, scaled by the cost ratio. */
    NEAREST_SHAPE,
    /**
     * Own calibration runs on small seeded work, scaled to this call's cost: an upper bound when the time grows
     * linearly with the cost from a fixed overhead (GPUs, dominated by that overhead on small work, look slower).
     */
    CALIBRATION,
    /** Own cold runs of exactly this shape only (the first call in a process): an upper bound on the warm time. */
    COLD_BOUND,
    /** Factory priors measured on an identical device. */
    PRIOR_SAME_DEVICE,
    /** Factory priors measured on another device of the same kind. */
    PRIOR_SAME_KIND,
    /** Nothing known. */
    UNKNOWN
}
