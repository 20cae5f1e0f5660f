package org.flowscope.engine;

import java.util.List;
import org.flowscope.engine.agent.Decision;

/**
 * The result of one engine call with how it was obtained.
 *
 * @param output    what the implementation returned
 * @param seconds   wall time of the implementation call alone
 * @param decision  which candidate ran and why
 * @param cold      the candidate's first run in this engine: its time was recorded as a warm-up, not a run time
 * @param recovered failures of other candidates during this call, after which it was recomputed on this one
 */
public record Execution<O>(O output, double seconds, Decision decision, boolean cold, List<EngineActivity.Recovery> recovered) {
    public Execution {
        recovered = List.copyOf(recovered);
    }
}
