package org.flowscope.methods.srrf;

/**
 * The temporal analysis of SRRF's per-frame radiality maps within one time point (methods spec &sect;6.3; NanoPyx's
 * {@code calculate_SRRF_temporal_correlations(im, order)} with its order number in brackets). {@code x_t} is the map
 * of frame {@code t}, {@code T} the frames of the time point, {@code d_t = x_t - mean}.
 */
public enum Temporal {
    /** Mean over frames [order 1]. */
    AVG(0),
    /** Maximum over frames [order 0]. */
    MAX(0),
    /**
     * Pairwise product sum [order -1]: {@code sum_{t0 <= t1} x+_t0 x+_t1 / (T (T + 1) / 2)} with
     * {@code x+ = max(x, 0)}.
     */
    PPS(0),
    /** Lag-1 second-order auto-cumulant [order 2]: {@code |<d_t d_t+1>|}. */
    TRAC2(2),
    /** Third-order auto-cumulant [order 3]: {@code |<d_t d_t+1 d_t+2>|} (NanoPyx: a sum, see {@link Geometry#NANOPYX}). */
    TRAC3(3),
    /**
     * Fourth-order auto-cumulant [order 4]:
     * {@code |<abcd> - <ab><cd> - <ac><bd> - <ad><bc>|}, {@code a..d = d_t .. d_t+3}.
     */
    TRAC4(4);

    private final int window;

    Temporal(int window) {
        this.window = window;
    }

    /** Consecutive frames per cumulant term (2..4), 0 for AVG, MAX and PPS. */
    public int window() {
        return window;
    }

    /**
     * Fewest frames a time point needs: a cumulant needs one window of {@link #window()} frames, NanoPyx's one more
     * (its loop runs over {@code t < T - order}).
     */
    public int minimumFrames(Geometry g) {
        if (window == 0) {
            return 1;
        }
        return g == Geometry.NANOPYX ? window + 1 : window;
    }
}
