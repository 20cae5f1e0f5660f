package org.flowscope.app.live;

import org.flowscope.core.pipeline.WindowOperator;

/** Builds the {@code --op} operator for a run; validates its options and throws {@link IllegalArgumentException}. */
@FunctionalInterface
public interface OperatorFactory {
    WindowOperator create(LiveSetup setup);
}
