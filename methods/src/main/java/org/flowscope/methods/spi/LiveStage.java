package org.flowscope.methods.spi;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowOperator;

/**
 * An operation's part in {@code flowscope live}. It may offer an {@code --op} operator (eSRRF, average), stages that
 * run before the operator when their option enables them (drift correction, the quality split), and side branches
 * fed with every result (quality). Its picocli-annotated {@link #options()} object is added to {@code live} as a
 * mixin named {@link #name()}, so the options appear in {@code live --help}.
 *
 * <p>The chain of one run is: every enabled {@link #stagesBefore} in {@link Position} order, then the {@code --op}
 * operator. Operators, stages and listeners that also implement {@link org.flowscope.core.pipeline.RunContributor}
 * get a {@code run.json} section and progress-line fields.
 */
public interface LiveStage {
    /** Where a stage that runs before the operator sits in the chain. */
    enum Position {
        /** Corrects the frames (drift): first, so that everything after sees corrected frames. */
        CORRECTION,
        /** Measures the corrected window (the quality split): after corrections, before the operator. */
        MEASUREMENT
    }

    /** Mixin name, unique among stages; also the {@code --op} name when {@link #operator} is present. */
    String name();

    /** A picocli {@code @Option}-annotated object holding this stage's options, or {@code null}. */
    default Object options() {
        return null;
    }

    /** Where {@link #stagesBefore} go in the chain. */
    default Position position() {
        return Position.CORRECTION;
    }

    /** The {@code --op name()} operator for a run, when this operation can be the run's operator. */
    default Optional<WindowOperator> operator(LiveSetup setup) {
        return Optional.empty();
    }

    /** Whether {@link #operator} is offered (without building it). */
    default boolean offersOperator() {
        return false;
    }

    /** Stages to run before the operator, given the parsed options (empty when not enabled). */
    default List<WindowOperator> stagesBefore(LiveSetup setup) {
        return List.of();
    }

    /** Side branches fed with every result (empty when not enabled). */
    default List<ResultListener> sideBranches(LiveSetup setup) {
        return List.of();
    }

    /**
     * After a run that completed: a reason to end the command with exit code 4 although the outputs were written
     * (a side branch that failed), or empty.
     */
    default Optional<String> failure(RunSummary summary) {
        return Optional.empty();
    }

    /** After a run that completed: lines the summary shows although the exit code stays 0 (tolerated problems). */
    default List<String> warnings(RunSummary summary) {
        return List.of();
    }
}
