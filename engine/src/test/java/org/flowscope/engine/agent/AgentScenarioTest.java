package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent driven through a real {@link Engine} by synthetic implementations on a fake clock: the paper's
 * contention experiment (Extended Data Fig. 7) in miniature, deterministic and instant.
 */
class AgentScenarioTest {
    private static final Logger LOG = LoggerFactory.getLogger(AgentScenarioTest.class);
    private static final int ONSET = 101;
    private static final int END = 200;
    private static final int RUNS = 400;

    private final FakeClock clock = new FakeClock();
    private final Random jitter = new Random(17);
    private int call;

    private boolean contended() {
        return call >= ONSET && call <= END;
    }

    /** GPU-like: 10 ms, 5× slower under contention; CPU-like: 30 ms, unaffected. 2 % jitter. */
    private Engine engine(EngineConfig.Detector detector, long seed) {
        Synthetic gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock,
                cost -> 0.010 * (contended() ? 5 : 1) * (1 + 0.02 * jitter.nextGaussian()));
        Synthetic cpu = new Synthetic("test.scale.cpu", Backend.CPU, clock, cost -> 0.030 * (1 + 0.02 * jitter.nextGaussian()));
        DeviceSet devices = DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU)));
        return Engine.create(EngineConfig.inMemory().withDevices(devices).withRegistry(ImplementationRegistry.ofImplementations(List.of(gpu, cpu)))
                .withClocks(clock, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).withDetector(detector).withSeed(seed));
    }

    /** Runs the sequence; returns the chosen implementation per call (index 0 = call 1) and the mean time. */
    private List<String> runSequence(Engine engine, double[] meanOut) {
        List<String> chosen = new ArrayList<>();
        double total = 0;
        for (call = 1; call <= RUNS; call++) {
            var e = engine.execute(new Scale(), 1f, new float[16], org.flowscope.engine.RunOptions.auto());
            chosen.add(e.decision().choice().implementation());
            total += e.seconds();
        }
        meanOut[0] = total / RUNS;
        return chosen;
    }

    private static boolean isGpu(String id) {
        return id.endsWith("gpu");
    }

    @Test
    void switchesAwayWithinTwoCallsOfTheOnsetAndBackWithinTheProbeIntervalOfTheEnd() {
        for (long seed = 1; seed <= 5; seed++) {
            double[] mean = new double[1];
            List<String> chosen;
            try (Engine engine = engine(EngineConfig.Detector.ROBUST, seed)) {
                chosen = runSequence(engine, mean);
            }
            int away = -1;
            for (int c = ONSET; c <= END && away < 0; c++) {
                if (!isGpu(chosen.get(c - 1))) {
                    away = c;
                }
            }
            int back = -1;
            for (int c = END + 1; c <= RUNS && back < 0; c++) {
                if (isGpu(chosen.get(c - 1))) {
                    back = c;
                }
            }
            long gpuDuringContention = chosen.subList(ONSET - 1, END).stream().filter(AgentScenarioTest::isGpu).count();
            long gpuAfter = chosen.subList(END + 5, RUNS).stream().filter(AgentScenarioTest::isGpu).count();
            LOG.info("seed {}: away at call {}, back at call {}, GPU runs during contention {}, mean {} ms", seed, away, back,
                    gpuDuringContention, mean[0] * 1e3);
            assertTrue(away > 0 && away - ONSET <= 2, "switched away at call " + away + ", onset " + ONSET);
            // after 100 delayed calls of a 5x-slowed GPU with a 3x-slower alternative the probe interval is
            // sqrt(2 * 100 * 20 / 20) ~ 14 calls (ProbeSchedule): the return comes at the first probe after the end
            assertTrue(back > 0 && back - END <= 15, "switched back at call " + back + ", contention ended after " + END);
            assertTrue(gpuDuringContention <= 18, "probes cost " + gpuDuringContention + " contended GPU runs (every 4th call: 25)");
            assertTrue(gpuAfter >= 0.95 * (RUNS - END - 5), "stays on the GPU after recovery: " + gpuAfter);
        }
    }

    @Test
    void delayManagementBeatsStayingOnTheFastImplementation() {
        double[] agent = new double[1];
        try (Engine engine = engine(EngineConfig.Detector.ROBUST, 3)) {
            runSequence(engine, agent);
        }
        // "engine off": the fastest implementation before contention, kept throughout; the oracle switches perfectly
        double off = (300 * 0.010 + 100 * 0.050) / RUNS;
        double oracle = (300 * 0.010 + 100 * 0.030) / RUNS;
        LOG.info("mean time: agent {} ms, fixed GPU {} ms, oracle {} ms, gain {}", agent[0] * 1e3, off * 1e3, oracle * 1e3, off / agent[0]);
        assertTrue(agent[0] < 1.15 * oracle, "agent " + agent[0] + " s vs oracle " + oracle + " s");
        assertTrue(off / agent[0] > 1.15, "gain " + off / agent[0] + " (at most " + off / oracle + " possible)");
    }

    @Test
    void oneBadFirstMeasurementDoesNotLockTheFastImplementationOut() {
        int[] gpuRuns = new int[1];
        Synthetic gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, cost -> gpuRuns[0]++ == 0 ? 0.5 : 0.010);
        Synthetic cpu = new Synthetic("test.scale.cpu", Backend.CPU, clock, cost -> 0.030);
        DeviceSet devices = DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU)));
        List<String> chosen = new ArrayList<>();
        try (Engine engine = Engine.create(EngineConfig.inMemory().withDevices(devices).withRegistry(ImplementationRegistry.ofImplementations(List.of(gpu, cpu)))
                .withClocks(clock, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).withSeed(9))) {
            for (int i = 0; i < 800; i++) {
                chosen.add(engine.execute(new Scale(), 1f, new float[16], org.flowscope.engine.RunOptions.auto()).decision().choice().implementation());
            }
        }
        int firstBack = chosen.subList(1, chosen.size()).indexOf("test.scale.gpu") + 2;
        long lateGpu = chosen.subList(700, 800).stream().filter(AgentScenarioTest::isGpu).count();
        LOG.info("after a 50x first measurement the GPU was re-tried at call {}; chosen in {} of the last 100 calls", firstBack, lateGpu);
        assertTrue(lateGpu >= 90, "GPU chosen " + lateGpu + " of the last 100 calls");
    }

    @Test
    void paperRuleAlsoEscapesContentionButLater() {
        double[] mean = new double[1];
        List<String> chosen;
        try (Engine engine = engine(EngineConfig.Detector.PAPER, 1)) {
            chosen = runSequence(engine, mean);
        }
        long cpuDuringContention = chosen.subList(ONSET - 1, END).stream().filter(id -> !isGpu(id)).count();
        int away = -1;
        for (int c = ONSET; c <= END && away < 0; c++) {
            if (!isGpu(chosen.get(c - 1))) {
                away = c;
            }
        }
        LOG.info("paper rule: first CPU call {} (onset {}), CPU runs during contention {}, mean {} ms", away, ONSET,
                cpuDuringContention, mean[0] * 1e3);
        assertTrue(cpuDuringContention > 30, "the paper's draw moves most contended calls away: " + cpuDuringContention);
        assertEquals(true, away > ONSET);
    }
}
