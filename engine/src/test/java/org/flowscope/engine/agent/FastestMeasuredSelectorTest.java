package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.model.CostRegressionModel;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;

class FastestMeasuredSelectorTest {
    private final FakeClock clock = new FakeClock();
    private final Candidate plain = new Candidate(new Synthetic("x.cpu", Backend.CPU, clock, n -> 0), new FakeDevice(Keys.CPU));
    private final Candidate threaded = new Candidate(new Synthetic("x.threaded", Backend.CPU_THREADED, clock, n -> 0), new FakeDevice(Keys.CPU));
    private final Candidate gpu = new Candidate(new Synthetic("x.opencl", Backend.OPENCL, clock, n -> 0), new FakeDevice(Keys.GPU));

    @Test
    void coldStartTakesTheThreadedCpuThenTheFastestMeasured() {
        var store = new InMemoryBenchmarkStore(100);
        var s = new FastestMeasuredSelector(store, new CostRegressionModel(store, FactoryPriors.none()), "t", Clock.systemUTC());
        var request = new SelectionRequest("test.scale", Keys.shape(10, 10), 100, List.of(plain, gpu, threaded));
        Decision first = s.choose(request);
        assertEquals(Reason.COLD_START_DEFAULT, first.reason());
        assertEquals("x.threaded", first.choice().implementation());
        s.observe(request, gpu, 0.001);
        s.observe(request, threaded, 0.004);
        Decision next = s.choose(request);
        assertEquals(Reason.FASTEST_PREDICTED, next.reason());
        assertEquals("x.opencl", next.choice().implementation());
    }
}
