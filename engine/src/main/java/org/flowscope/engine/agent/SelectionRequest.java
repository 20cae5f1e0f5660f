package org.flowscope.engine.agent;

import java.util.List;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.spi.WorkShape;

/**
 * One call to choose for.
 *
 * @param operation  operation id
 * @param shape      work shape
 * @param cost       cost feature
 * @param candidates available candidates allowed by the run options, never empty
 */
public record SelectionRequest(String operation, WorkShape shape, double cost, List<Candidate> candidates) {
    public SelectionRequest {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a selection needs at least one candidate");
        }
    }
}
