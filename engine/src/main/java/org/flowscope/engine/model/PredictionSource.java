package org.flowscope.engine.model;

/** Where a predicted run time came from, from most to least trustworthy. */
public enum PredictionSource {
    /** Own samples of exactly this work shape. */
    MEASURED,
    /** Regression of own samples of other shapes on the cost feature. */
    REGRESSION,
    /** One other own shape, scaled by the cost ratio. */
    NEAREST_SHAPE,
    /** Factory priors measured on an identical device. */
    PRIOR_SAME_DEVICE,
    /** Factory priors measured on another device of the same kind. */
    PRIOR_SAME_KIND,
    /** Nothing known. */
    UNKNOWN
}
