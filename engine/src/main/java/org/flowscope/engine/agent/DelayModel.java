package org.flowscope.engine.agent;

import java.util.List;
import java.util.Map;
import org.flowscope.engine.history.Sample;

/**
 * Detects runs slowed by something outside the work (another process on the GPU, thermal throttling) and keeps,
 * per {@link DelayKey}, whether a delay is in force, its factor and the probability that it persists. The selector
 * adjusts expected times with {@link DelayState#adjust} (paper eq. 3). Thread-safe.
 */
public interface DelayModel {
    /**
     * Judges a finished run and updates the key's state.
     *
     * @param seconds  the run's time
     * @param previous the earlier samples of the same work shape, oldest first (not including this run)
     * @return whether this run is flagged as delayed
     */
    boolean observe(DelayKey key, double seconds, List<Sample> previous);

    /** The key's current state ({@link DelayState#NONE} when never delayed). */
    DelayState state(DelayKey key);

    /** Every key currently delayed, for persistence. */
    Map<DelayKey, DelayState> states();

    /** Puts back states persisted by an earlier engine. */
    void restore(Map<DelayKey, DelayState> states);
}
