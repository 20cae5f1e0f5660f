package org.flowscope.app.live;

import java.util.List;
import java.util.Map;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.WindowOperator;

/**
 * A plug-in to {@code flowscope live}. This is how operations, pre-processing stages and side branches join the live
 * command without editing it:
 * <ol>
 *   <li>write a class implementing this interface in your own package (e.g. {@code org.flowscope.app.live.EsrrfLive});</li>
 *   <li>put your options in a picocli-annotated object returned by {@link #options()} (fields with {@code @Option},
 *       e.g. {@code --magnification}, {@code --drift}, {@code --quality}); it is added to {@code live} as a mixin
 *       named {@link #name()}, so your options appear in {@code live --help};</li>
 *   <li>offer {@code --op} names through {@link #operators()}, stages that run before the op (drift correction)
 *       through {@link #stagesBefore}, and result side branches (quality) through {@link #sideBranches};</li>
 *   <li>add one line to {@link LiveExtensions#create()}.</li>
 * </ol>
 * Operators, stages and listeners that also implement {@link org.flowscope.core.pipeline.RunContributor} get a
 * {@code run.json} section and progress-line fields. The pipeline runs {@code stagesBefore(...)} of every
 * extension, in {@link LiveExtensions} order, then the {@code --op} operator, as one
 * {@link WindowOperator#chain chain}.
 *
 * <p>Extensions are created fresh for every command line, so the options object can hold the parsed values.
 */
public interface LiveExtension {
    /** Mixin name, unique among extensions ("average", "esrrf", "drift", "quality"). */
    String name();

    /** A picocli {@code @Option}-annotated object, or {@code null} when the extension has no options. */
    default Object options() {
        return null;
    }

    /** {@code --op} names this extension provides. */
    default Map<String, OperatorFactory> operators() {
        return Map.of();
    }

    /** Stages to run before the {@code --op} operator, given the parsed options (empty when not enabled). */
    default List<WindowOperator> stagesBefore(LiveSetup setup) {
        return List.of();
    }

    /** Side branches fed with every result (empty when not enabled). */
    default List<ResultListener> sideBranches(LiveSetup setup) {
        return List.of();
    }

    /** {@code --source} schemes this extension provides (e.g. {@code mm}, {@code serve}), besides {@link LiveSources}. */
    default List<SourceFactory> sources() {
        return List.of();
    }

    /**
     * After a run that completed: a reason to end the command with exit code 4 although the outputs were written
     * (a finite camera run that lost frames), or empty.
     */
    default java.util.Optional<String> failure(org.flowscope.core.pipeline.RunSummary summary) {
        return java.util.Optional.empty();
    }

    /** After a run that completed: lines the summary should show although the exit code stays 0 (tolerated problems). */
    default List<String> warnings(org.flowscope.core.pipeline.RunSummary summary) {
        return List.of();
    }
}
