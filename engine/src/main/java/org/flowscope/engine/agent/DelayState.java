package org.flowscope.engine.agent;

/**
 * Whether a candidate is currently considered delayed (slowed by something outside its work, e.g. another process
 * on the GPU), and by how much.
 *
 * @param delayed     a delay is in force
 * @param factor      measured time over the undelayed expectation at the last flagged run (paper eq. 2)
 * @param probability probability that the next run is delayed too
 * @param flaggedRuns consecutive flagged runs so far
 */
public record DelayState(boolean delayed, double factor, double probability, int flaggedRuns) {
    public static final DelayState NONE = new DelayState(false, 1, 0, 0);

    /** Paper eq. 3: the expected time of a run given its undelayed expectation {@code fast}. */
    public double adjust(double fast) {
        return delayed ? fast * (1 - probability) + fast * factor * probability : fast;
    }

    @Override
    public String toString() {
        return delayed ? String.format("delayed x%.2f p=%.2f (%d runs)", factor, probability, flaggedRuns) : "normal";
    }
}
