package org.flowscope.engine.model;

import org.flowscope.engine.history.BenchmarkKey;

/** Predicts the undelayed run time of a candidate on a work shape. Thread-safe. */
public interface PerformanceModel {
    /**
     * @param key  implementation, device and shape to predict for
     * @param cost the operation's cost feature for that shape
     */
    Prediction predict(BenchmarkKey key, double cost);
}
