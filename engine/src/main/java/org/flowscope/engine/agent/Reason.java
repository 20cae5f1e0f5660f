package org.flowscope.engine.agent;

/** Why a decision chose its candidate. */
public enum Reason {
    /** Only one candidate was available or allowed. */
    ONLY_CANDIDATE,
    /** Smallest predicted time. */
    FASTEST_PREDICTED,
    /** Nothing could be predicted: the CPU is the safe default. */
    COLD_START_DEFAULT,
    /** Never measured here on real work: tried once to learn its time (its estimate is within reach of the best). */
    EXPLORE_UNTRIED,
    /**
     * Run on small seeded work first (the operation's benchmark inputs), not on the call's data: an estimate of its
     * own before it may take real work, or a cheap re-check of one predicted far slower than the best.
     */
    CALIBRATE,
    /** Ran only cold so far (first call in a process) and looked slow: re-run warm, at a rate bounded by its cost. */
    EXPLORE_COLD_RETRY,
    /** Chosen by the decaying exploration schedule to refresh old or doubtful timings. */
    EXPLORE_REFRESH,
    /** The fastest is delayed; the delay-adjusted times changed the winner. */
    DELAY_AVOIDED,
    /** Paper eq. 4: drawn with probability proportional to 1/adjusted time squared. */
    DELAY_DRAW,
    /** The delayed fastest is re-run to see whether its delay is over. */
    DELAY_PROBE,
    /**
     * Several devices share the work ({@link org.flowscope.engine.Engine#dispatch}): the candidate expected to finish
     * it first, counting the work already queued on its device, not the fastest one.
     */
    EARLIEST_FINISH
}
