package org.flowscope.methods.esrrfsweep;

import org.flowscope.engine.spi.Operation;

/**
 * How the sweep runs its sub-operations (eSRRF, SQUIRREL, FRC, decorrelation). The command runs them through the one
 * engine of the command ({@link EngineSteps}: the agent picks an implementation and device per call, every GPU call
 * goes to the engine's long-lived device context and buffer pool); the sweep's reference implementation runs each
 * operation's plain-Java reference ({@link ReferenceSteps}). The sweep's maths is the same code either way.
 */
public interface SweepSteps {
    /** Runs {@code op} on {@code input}; IllegalArgumentException for bad input, as the operation reports it. */
    <P, I, O> O run(Operation<P, I, O> op, P params, I input);
}
