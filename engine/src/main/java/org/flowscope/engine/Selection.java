package org.flowscope.engine;

import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.SelectionRequest;

/**
 * A choice made by {@link Engine#select} for work the caller runs itself.
 *
 * @param request   what was chosen for (operation, shape, cost, candidates)
 * @param candidate the chosen implementation and device
 * @param decision  why, as logged for {@code --explain}
 */
public record Selection(SelectionRequest request, Candidate candidate, Decision decision) {
}
