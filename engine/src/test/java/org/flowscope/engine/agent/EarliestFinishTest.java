package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.model.Prediction;
import org.flowscope.engine.model.PredictionSource;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;

/** List scheduling over devices: the work goes where it is expected to finish first, queues included. */
class EarliestFinishTest {
    private final FakeClock clock = new FakeClock();
    private final Candidate gpu = new Candidate(new Synthetic("test.scale.gpu", Backend.OPENCL, clock, n -> 0.01),
            new FakeDevice(Keys.GPU));
    private final Candidate cpu = new Candidate(new Synthetic("test.scale.cpu", Backend.CPU_THREADED, clock, n -> 0.03),
            new FakeDevice(Keys.CPU));
    private final List<Candidate> both = List.of(gpu, cpu);

    /** The agent's decision: the GPU (10 ms a piece) over the CPU (30 ms), for the given reason. */
    private static Decision fastestIsGpu(Reason reason, int chosen) {
        List<CandidateEstimate> est = List.of(
                new CandidateEstimate("test.scale.gpu", Keys.GPU, new Prediction(0.010, PredictionSource.MEASURED, 5),
                        DelayState.NONE, 0.010),
                new CandidateEstimate("test.scale.cpu", Keys.CPU, new Prediction(0.030, PredictionSource.MEASURED, 5),
                        DelayState.NONE, 0.030));
        return new Decision(1, "scale", Keys.shape(8, 8), 64, est, chosen, reason, "");
    }

    @Test
    void workGoesToTheFastestDeviceWhileNothingWaitsOnIt() {
        Decision d = fastestIsGpu(Reason.FASTEST_PREDICTED, 0);
        assertSame(d, EarliestFinish.choose(d, both, c -> 0, 4));
    }

    @Test
    void workGoesToASlowerDeviceWhenTheFastOnesQueueWouldFinishItLater() {
        Map<Candidate, Double> queued = Map.of(gpu, 0.100, cpu, 0.0);
        // GPU: 100 ms queued + 4 x 10 ms = 140 ms; CPU: 4 x 30 ms = 120 ms
        Decision d = EarliestFinish.choose(fastestIsGpu(Reason.FASTEST_PREDICTED, 0), both, queued::get, 4);
        assertEquals(1, d.chosen());
        assertEquals(Reason.EARLIEST_FINISH, d.reason());
        // with 60 ms queued the GPU still finishes first (100 ms against 120 ms)
        Map<Candidate, Double> less = Map.of(gpu, 0.060, cpu, 0.0);
        assertEquals(0, EarliestFinish.choose(fastestIsGpu(Reason.FASTEST_PREDICTED, 0), both, less::get, 4).chosen());
    }

    @Test
    void anExplorationIsKeptOnlyWhileNothingWaitsOnTheExploredDevice() {
        Decision explore = fastestIsGpu(Reason.EXPLORE_REFRESH, 1);
        assertSame(explore, EarliestFinish.choose(explore, both, c -> 0, 4));
        Map<Candidate, Double> queued = Map.of(gpu, 0.0, cpu, 0.050);
        assertEquals(0, EarliestFinish.choose(explore, both, queued::get, 4).chosen());
    }
}
