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

    /**
     * Records a run that is not a run time of the request's work and that the delay model must not judge: a cold
     * first run ({@code warmup}: module and kernel loads, JIT, first touch), kept apart from the run times; or a
     * calibration run on small seeded work (the request's shape is then a {@code CalibrationShapes} shape).
     */
    void record(SelectionRequest request, Candidate ran, double seconds, boolean warmup);
}
