package org.flowscope.methods.spi;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.OperationProvider;

/**
 * One operation as the product sees it: the engine's {@link OperationProvider} (operation, implementations,
 * benchmark inputs) plus how users reach it, a stage of {@code flowscope live} and {@code flowscope process}
 * subcommands. Declared in {@code META-INF/services/org.flowscope.engine.spi.OperationProvider} beside the plain
 * operation providers; the CLI builds its {@code process} subcommands and {@code live} options from these.
 *
 * <p>The facets hold parsed command-line options, so each call returns fresh instances.
 *
 * @param <P> parameter record
 * @param <I> input type
 * @param <O> output type
 */
public interface MethodProvider<P, I, O> extends OperationProvider<P, I, O> {
    /** A fresh live stage for {@code flowscope live}, or empty when the operation has none. */
    default Optional<LiveStage> liveStage() {
        return Optional.empty();
    }

    /** Fresh {@code flowscope process} subcommands (usually one, named after the operation). */
    default List<OfflineCommand> processCommands() {
        return List.of();
    }
}
