package org.flowscope.engine.agent;

import java.util.List;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.spi.WorkShape;

/**
 * One call to choose for.
 *
 * @param operation    operation id
 * @param shape        work shape
 * @param cost         cost feature
 * @param candidates   available candidates allowed by the run options, never empty
 * @param calibratable whether the operation can make small seeded work to calibrate a candidate on
 *                     ({@link Reason#CALIBRATE}) instead of trying it on the call's data
 * @param excluded     candidates left out of this call and why (failed earlier and backing off), for explanations
 */
public record SelectionRequest(String operation, WorkShape shape, double cost, List<Candidate> candidates, boolean calibratable,
        List<String> excluded) {
    public SelectionRequest {
        candidates = List.copyOf(candidates);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a selection needs at least one candidate");
        }
    }

    public SelectionRequest(String operation, WorkShape shape, double cost, List<Candidate> candidates) {
        this(operation, shape, cost, candidates, false, List.of());
    }
}
