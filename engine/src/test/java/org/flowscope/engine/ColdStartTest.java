package org.flowscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.CalibratedScale;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.junit.jupiter.api.Test;

/**
 * Cold runs and the cost of exploration, on a fake clock: one-time costs never become run times, a candidate slow
 * only while cold is re-tried, and an empty history does not send real work to a candidate far slower than the
 * best (the README demo on a 2-core machine sent a whole window to the single-threaded reference: 191 s).
 */
class ColdStartTest {
    private final FakeClock clock = new FakeClock();

    private Engine engine(List<Implementation<?, ?, ?>> impls, FactoryPriors priors) {
        DeviceSet devices = DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU)));
        EngineConfig c = EngineConfig.inMemory().withDevices(devices).withRegistry(ImplementationRegistry.ofImplementations(impls))
                .withClocks(clock, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).withSeed(3);
        return Engine.create(priors == null ? c.withPriors(false) : c.withFactoryPriors(priors));
    }

    /** A time law with a first call {@code coldFactor} times slower (JIT, module load, first touch). */
    private static DoubleUnaryOperator coldFirst(double coldFactor, DoubleUnaryOperator law) {
        int[] calls = new int[1];
        return n -> law.applyAsDouble(n) * (calls[0]++ == 0 ? coldFactor : 1);
    }

    private static List<String> run(Engine engine, Operation<Float, float[], float[]> op, int calls, int elements) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            chosen.add(engine.execute(op, 1f, new float[elements], RunOptions.auto()).decision().choice().implementation());
        }
        return chosen;
    }

    private void assertTenTimesSlowerFirstCallIsAWarmUp(Operation<Float, float[], float[]> op) {
        Synthetic fast = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, coldFirst(10, n -> 0.010));
        Synthetic slow = new Synthetic("test.scale.cpu", Backend.CPU, clock, n -> 0.030);
        try (Engine engine = engine(List.of(fast, slow), null)) {
            List<String> chosen = run(engine, op, 120, 64);
            BenchmarkKey key = new BenchmarkKey(Scale.ID, "test.scale.gpu", Keys.GPU, new Scale().shape(1f, new float[64]),
                    engine.config().libraryVersion());
            List<Sample> runs = engine.history().window(key);
            assertTrue(runs.stream().allMatch(s -> s.seconds() < 0.02), "no cold sample among the run times: " + runs);
            List<Sample> warm = new ArrayList<>();
            for (History h : engine.history().histories(Scale.ID)) {
                if (h.key().implementation().equals("test.scale.gpu")) {
                    warm.addAll(h.warmups());
                    assertTrue(h.samples().stream().allMatch(s -> s.seconds() < 0.02), "no cold run time in " + h);
                }
            }
            assertTrue(warm.stream().anyMatch(s -> s.seconds() >= 0.099), "the cold run is kept as a warm-up: " + warm);
            long fastLate = chosen.subList(20, 120).stream().filter("test.scale.gpu"::equals).count();
            assertTrue(fastLate >= 95, "the candidate slow only while cold is chosen: " + fastLate + " of 100");
        }
    }

    @Test
    void aFirstCallTenTimesSlowerIsRecordedAsAWarmUpAndTheCandidateStillWins() {
        assertTenTimesSlowerFirstCallIsAWarmUp(new Scale());
    }

    @Test
    void aFirstCallTenTimesSlowerOnCalibrationWorkIsAWarmUpToo() {
        assertTenTimesSlowerFirstCallIsAWarmUp(new CalibratedScale());
    }

    @Test
    void aCandidateSlowOnlyWhileColdIsReTriedWithoutCalibration() {
        Synthetic gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, coldFirst(50, n -> 0.010));
        Synthetic cpu = new Synthetic("test.scale.cpu", Backend.CPU, clock, n -> 0.030);
        try (Engine engine = engine(List.of(gpu, cpu), null)) {
            List<String> chosen = run(engine, new Scale(), 300, 16);
            int back = chosen.subList(2, chosen.size()).indexOf("test.scale.gpu") + 3;
            assertTrue(back < 150, "re-tried at call " + back);
            assertTrue(chosen.subList(200, 300).stream().filter("test.scale.gpu"::equals).count() >= 95);
        }
    }

    @Test
    void whileACallRunsOnAColdCalibratingOrExploredCandidateTheActivityNamesItForTheProgressLine() {
        Engine[] holder = new Engine[1];
        List<String> seen = new ArrayList<>();
        DoubleUnaryOperator watch = n -> {
            for (EngineActivity.Running r : holder[0].activity().running()) {
                if (r.notable()) {
                    seen.add(r.describe(clock.getAsLong()));
                }
            }
            return 0;
        };
        Synthetic gpu = new Synthetic("test.scale.gpu", Backend.OPENCL, clock, n -> watch.applyAsDouble(n) + 0.010);
        Synthetic cpu = new Synthetic("test.scale.cpu", Backend.CPU, clock, n -> watch.applyAsDouble(n) + 0.030);
        try (Engine engine = engine(List.of(gpu, cpu), null)) {
            holder[0] = engine;
            run(engine, new CalibratedScale(), 10, 4096);
            assertTrue(seen.stream().anyMatch(d -> d.contains("calibrating on small work")), seen.toString());
            assertTrue(seen.stream().anyMatch(d -> d.contains("first run in this process (cold)")), seen.toString());
            assertTrue(seen.stream().anyMatch(d -> d.startsWith("test.scale on test.scale.cpu@")), seen.toString());
            assertTrue(engine.activity().running().isEmpty(), "nothing runs between calls");
        }
    }

    /**
     * The README demo's cold start on the 2-core machine, scaled: a window of 100x128x128; the plain reference takes
     * 191 s, the threaded one 10.9 s, OpenCL (PoCL) 4.9 s; the factory priors (another machine) put the reference at
     * 42 s. Calibration on small work shows the reference far slower; it never gets a window.
     */
    @Test
    void anEmptyHistoryNeverSendsAWindowToACandidateThatCalibratesFarSlowerThanTheBest() {
        int window = 100 * 128 * 128;
        Synthetic ref = new Synthetic("test.scale.ref", Backend.CPU, clock, n -> 191.0 * n / window);
        Synthetic threaded = new Synthetic("test.scale.threaded", Backend.CPU_THREADED, clock, n -> 0.002 + 10.9 * n / window);
        Synthetic opencl = new Synthetic("test.scale.opencl", Backend.OPENCL, clock, n -> 0.020 + 4.88 * n / window);
        DeviceIdentity otherCpu = new DeviceIdentity(DeviceKind.CPU, "AuthenticAMD", "Another CPU", "Java 17", 64L << 30, 16);
        FactoryPriors priors = FactoryPriors.of(List.of(
                new History(new BenchmarkKey(Scale.ID, "test.scale.ref", otherCpu, new Scale().shape(1f, new float[window]), "0"),
                        window, List.of(new Sample(42.3, 0, false), new Sample(42.3, 1, false))),
                new History(new BenchmarkKey(Scale.ID, "test.scale.threaded", otherCpu, new Scale().shape(1f, new float[window]), "0"),
                        window, List.of(new Sample(5.9, 0, false), new Sample(5.9, 1, false)))));
        CalibratedScale op = new CalibratedScale();
        float[] input = new float[window];
        try (Engine engine = engine(List.of(ref, threaded, opencl), priors)) {
            double firstWindow = 0;
            List<Reason> reasons = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long t0 = clock.getAsLong();
                var e = engine.execute(op, 1f, input, RunOptions.auto());
                if (i == 0) {
                    firstWindow = (clock.getAsLong() - t0) / 1e9;
                }
                reasons.add(e.decision().reason());
                assertTrue(!e.decision().choice().implementation().equals("test.scale.ref"), "window " + i + " ran on the reference");
            }
            assertTrue(firstWindow < 10, "first window after " + firstWindow + " s (calibration included)");
            assertTrue(engine.decisions().recent().stream().anyMatch(d -> d.reason() == Reason.CALIBRATE
                    && d.choice().implementation().equals("test.scale.ref")), "the reference was calibrated on small work");
            assertEquals("test.scale.opencl", engine.decisions().recent().get(engine.decisions().recent().size() - 1).choice().implementation());
        }
    }
}
