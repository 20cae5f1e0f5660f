package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.model.CostRegressionModel;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;

/** Spec §15 item 5 and §9.2's worked example, through the selector. */
class DelayAwareSelectorTest {
    private final InMemoryBenchmarkStore store = new InMemoryBenchmarkStore(100);
    private final FakeClock clock = new FakeClock();
    private final Candidate opencl = new Candidate(new Synthetic("x.opencl", Backend.OPENCL, clock, n -> 0), new FakeDevice(Keys.GPU));
    private final Candidate threaded = new Candidate(new Synthetic("x.threaded", Backend.CPU_THREADED, clock, n -> 0), new FakeDevice(Keys.CPU));
    private final SelectionRequest request = new SelectionRequest("test.scale", Keys.shape(100, 100), 1e4, List.of(opencl, threaded));

    private DelayAwareSelector selector(DelayState openclDelay) {
        for (int i = 0; i < 5; i++) {
            store.record(key(opencl), 1e4, new Sample(0.10, i, false));
            store.record(key(threaded), 1e4, new Sample(0.30, i, false));
        }
        PaperDelayModel delays = new PaperDelayModel();
        delays.restore(Map.of(new DelayKey("test.scale", "x.opencl", Keys.GPU), openclDelay));
        return new DelayAwareSelector(store, new CostRegressionModel(store, FactoryPriors.none()), delays,
                DelayAwareSelector.DelayRule.INVERSE_SQUARE_DRAW, new Random(42), "test", Clock.systemUTC(), false);
    }

    private BenchmarkKey key(Candidate c) {
        return new BenchmarkKey("test.scale", c.implementationId(), c.deviceIdentity(), Keys.shape(100, 100), "test");
    }

    @Test
    void delayedFastestIsDrawnWithTheInverseSquareProbability() {
        DelayAwareSelector s = selector(new DelayState(true, 10, 0.66, 1));
        int openclChosen = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Decision d = s.choose(request);
            assertEquals(Reason.DELAY_DRAW, d.reason());
            openclChosen += d.chosen() == 0 ? 1 : 0;
        }
        assertEquals(0.157, openclChosen / (double) n, 0.01, "§9.2: P(opencl) ≈ 0.16");
        assertEquals(0.694, s.choose(request).candidates().get(0).expectedSeconds(), 1e-9);
    }

    @Test
    void choiceIsDeterministicWhenTheAdjustedRankingKeepsTheWinner() {
        DelayAwareSelector s = selector(new DelayState(true, 10, 0.05, 1));
        for (int i = 0; i < 1000; i++) {
            Decision d = s.choose(request);
            assertEquals(0, d.chosen());
            assertEquals(Reason.FASTEST_PREDICTED, d.reason());
        }
    }
}
