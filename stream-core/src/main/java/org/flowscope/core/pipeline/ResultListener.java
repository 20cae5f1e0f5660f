package org.flowscope.core.pipeline;

import org.flowscope.core.image.ImageStack;

/**
 * A side branch fed with the analysis results (e.g. a quality estimate every N windows). The pipeline calls it
 * on its own thread with "latest wins" backpressure: if the listener is still busy when a new result arrives, older
 * pending results are skipped and counted under {@link #section()}; the main branch is never slowed down by it.
 * Implement {@link RunContributor} (inherited) to report in {@code run.json} and on the progress line.
 */
public interface ResultListener extends RunContributor {
    /** One result; {@code result} is owned by the listener's call only (don't modify it). */
    void onResult(ImageStack result, WindowContext context);

    /** Called once when the run ends (normally or not), after the last {@link #onResult}. */
    default void onComplete() {
    }
}
