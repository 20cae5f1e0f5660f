package org.flowscope.app.live.status;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.agent.CandidateEstimate;
import org.flowscope.engine.agent.DelayState;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.model.Prediction;
import org.flowscope.engine.model.PredictionSource;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.WorkShape;

/** Engine decisions as the agent makes them, for tests of what the CLI shows of them. */
public final class Decisions {
    private Decisions() {
    }

    /** Decision {@code sequence} for {@code operation}: {@code chosen} of two CPU candidates, expected 5 and 50 ms. */
    public static Decision of(long sequence, String operation, int chosen, Reason reason, String detail) {
        DeviceIdentity cpu = new DeviceIdentity(DeviceKind.CPU, "Acme", "Test CPU", "-", 0, 4);
        List<CandidateEstimate> candidates = List.of(
                new CandidateEstimate(operation + ".cpu-threaded", cpu, new Prediction(0.005, PredictionSource.MEASURED, 3),
                        new DelayState(false, 1, 0, 0), 0.005),
                new CandidateEstimate(operation + ".cpu", cpu, new Prediction(0.05, PredictionSource.MEASURED, 3),
                        new DelayState(false, 1, 0, 0), 0.05));
        return new Decision(sequence, operation, new WorkShape(operation, List.of(10, 64, 64), "f32", new TreeMap<>()), 1,
                candidates, chosen, reason, detail);
    }
}
