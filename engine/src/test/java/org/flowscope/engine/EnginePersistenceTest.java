package org.flowscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.flowscope.engine.agent.CandidateEstimate;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.model.PredictionSource;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginePersistenceTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private boolean slow;

    private Engine engine() {
        var gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, n -> slow ? 0.05 : 0.01);
        var cpu = new Synthetic("test.scale.cpu", Backend.CPU, clock, n -> 0.03);
        return Engine.create(EngineConfig.forTests(dir).withExploration(false)
                .withDevices(DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU))))
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(gpu, cpu))).withClocks(clock, Clock.systemUTC()));
    }

    private static CandidateEstimate gpu(Decision d) {
        return d.candidates().stream().filter(c -> c.implementation().endsWith("gpu")).findFirst().orElseThrow();
    }

    @Test
    void historyAndDelayStatesOutliveTheEngine() throws Exception {
        try (Engine first = engine()) {
            for (int i = 0; i < 30; i++) {
                first.run(new Scale(), 1f, new float[4]);
            }
            slow = true;
            first.run(new Scale(), 1f, new float[4]);
            assertTrue(gpu(first.decisions().recent().get(30)).prediction().known());
        }
        assertTrue(Files.exists(dir.resolve("benchmarks.json")));
        assertTrue(Files.readString(dir.resolve("delay-state.json")).contains("test.scale.gpu"));
        try (Engine second = engine()) {
            Execution<float[]> e = second.execute(new Scale(), 1f, new float[4], RunOptions.auto());
            CandidateEstimate g = gpu(e.decision());
            assertEquals(PredictionSource.MEASURED, g.prediction().source());
            assertTrue(g.delay().delayed(), "delay restored: " + g.delay());
            assertEquals(0.01, g.prediction().seconds(), 1e-6);
            assertTrue(e.decision().explain().contains("delayed"), e.decision().explain());
        }
    }
}
