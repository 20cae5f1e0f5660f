package org.flowscope.methods.esrrf;

/** The per-pixel statistic over the frames of a time point (methods spec §4.6). */
public enum TemporalCorrelation {
    /** Mean over frames. */
    AVG,
    /** Population variance (divides by T). */
    VAR,
    /** Lag-1 auto-covariance, {@code sum_{t<T-1} (x_t - m)(x_{t+1} - m) / (T-1)}; NaN for one frame. */
    TAC2
}
