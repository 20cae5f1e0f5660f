package org.flowscope.engine.spi;

/**
 * An operation: one mathematical function with several competing implementations that compute it within
 * {@link #tolerance()}. Stateless; the class that implements it documents the maths.
 *
 * @param <P> parameter record (validates itself)
 * @param <I> input type
 * @param <O> output type
 */
public interface Operation<P, I, O> {
    /** Stable id, e.g. "conv2d", "esrrf". */
    String id();

    /** Checks that {@code params} fit {@code input} (e.g. window length against stack size); throws IllegalArgumentException. */
    default void validate(P params, I input) {
    }

    /** The typed key the benchmark history files this call under. */
    WorkShape shape(P params, I input);

    /**
     * A cost feature proportional to the expected run time for a fixed implementation and device
     * (e.g. pixels &times; kernel area). The performance model regresses time on it.
     */
    double cost(P params, I input);

    /** How far implementations may differ from the plain-Java reference. */
    Tolerance tolerance();
}
