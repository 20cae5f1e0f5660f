package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
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
 * Regret on a mixed-size workload: the time of the chosen implementations over the time an oracle that knows the
 * true cost laws would spend, after warm-up. Cost laws cross: the GPU-like one has a large fixed overhead, the
 * threaded one a small overhead and a steeper slope, the plain one the steepest.
 */
class RegretTest {
    private static final Logger LOG = LoggerFactory.getLogger(RegretTest.class);
    private static final DoubleUnaryOperator GPU = c -> 2e-3 + 0.2e-9 * c;
    private static final DoubleUnaryOperator THREADED = c -> 0.05e-3 + 2e-9 * c;
    private static final DoubleUnaryOperator PLAIN = c -> 0.01e-3 + 3.5e-9 * c;

    @Test
    void regretAfterWarmUpIsAtMostTenPercent() {
        FakeClock clock = new FakeClock();
        Random noise = new Random(23);
        DoubleUnaryOperator jitter = t -> t * (1 + 0.03 * noise.nextGaussian());
        // Synthetic passes the element count; the laws take the cost (elements × 810, keeping test arrays small)
        var gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, n -> jitter.applyAsDouble(GPU.applyAsDouble(810 * n)));
        var threaded = new Synthetic("test.scale.threaded", Backend.CPU_THREADED, clock, n -> jitter.applyAsDouble(THREADED.applyAsDouble(810 * n)));
        var plain = new Synthetic("test.scale.plain", Backend.CPU, clock, n -> jitter.applyAsDouble(PLAIN.applyAsDouble(810 * n)));
        DeviceSet devices = DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU)));
        Random sizes = new Random(99);
        double chosenTotal = 0;
        double oracleTotal = 0;
        int warmUp = 300;
        int measured = 1000;
        try (Engine engine = Engine.create(EngineConfig.inMemory().withDevices(devices)
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(gpu, threaded, plain)))
                .withClocks(clock, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).withSeed(5))) {
            for (int i = 0; i < warmUp + measured; i++) {
                // a few recurring sizes (frames of a live stream) mixed with arbitrary ones (batch jobs), 10 to 250 k elements
                int n = i % 3 == 0 ? (int) Math.round(Math.pow(10, 1 + 4.4 * sizes.nextDouble()))
                        : new int[] {100, 4_000, 25_000, 100_000}[sizes.nextInt(4)];
                double cost = n * 810.0;
                var e = engine.execute(new Scale(), 1f, new float[n], RunOptions.auto());
                if (i >= warmUp) {
                    String id = e.decision().choice().implementation();
                    DoubleUnaryOperator law = id.endsWith("gpu") ? GPU : id.endsWith("threaded") ? THREADED : PLAIN;
                    chosenTotal += law.applyAsDouble(cost);
                    oracleTotal += Math.min(GPU.applyAsDouble(cost), Math.min(THREADED.applyAsDouble(cost), PLAIN.applyAsDouble(cost)));
                }
            }
        }
        double regret = chosenTotal / oracleTotal;
        LOG.info("regret after {} warm-up calls over {} calls: {}", warmUp, measured, regret);
        assertTrue(regret <= 1.10, "regret " + regret);
    }
}
