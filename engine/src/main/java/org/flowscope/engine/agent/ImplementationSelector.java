package org.flowscope.engine.agent;

import org.flowscope.engine.Candidate;

/** Chooses a candidate for each call and learns from what it measured. Thread-safe. */
public interface ImplementationSelector {
    /** Chooses among {@code request.candidates()}; returns the decision with its explanation. */
    Decision choose(SelectionRequest request);

    /**
     * Learns from a finished run of {@code ran}: updates the delay state and records the sample.
     *
     * @return whether the run was flagged as delayed
     */
    boolean observe(SelectionRequest request, Candidate ran, double seconds);
}
