package org.flowscope.spark;

import java.io.Serializable;
import org.flowscope.engine.Execution;

/** One engine call of a task, as the acquisition's {@code run.json} and report count them. */
record EngineCall(String operation, String implementation, String device) implements Serializable {
    static EngineCall of(String operation, Execution<?> ex) {
        var choice = ex.decision().choice();
        return new EngineCall(operation, choice.implementation(), choice.device().label());
    }
}
