package org.flowscope.app.engine;

import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.RunOptions;

/** How the engine commands force and name one candidate (implementation &times; device) of an operation. */
public final class Candidates {
    private Candidates() {
    }

    /** Options that force exactly the candidate {@code c}. */
    public static RunOptions force(CandidateStatus c) {
        RunOptions o = RunOptions.implementation(c.info().id());
        return c.device().map(d -> o.onDevice(d.model())).orElse(o);
    }

    /** "implementation@device label", as the engine's decisions name candidates. */
    public static String label(CandidateStatus c) {
        return c.info().id() + "@" + c.device().map(d -> d.label()).orElse("none");
    }
}
