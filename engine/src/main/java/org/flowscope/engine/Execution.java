package org.flowscope.engine;

import org.flowscope.engine.agent.Decision;

/**
 * The result of one engine call with how it was obtained.
 *
 * @param output   what the implementation returned
 * @param seconds  wall time of the implementation call alone
 * @param decision which candidate ran and why
 */
public record Execution<O>(O output, double seconds, Decision decision) {
}
