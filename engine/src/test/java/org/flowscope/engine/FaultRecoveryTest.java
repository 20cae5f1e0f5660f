package org.flowscope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Faulty;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.ScaleCpu;
import org.flowscope.engine.fixtures.TickingClock;
import org.flowscope.engine.history.BackOff;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.DeviceLostException;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU faults injected on the N-th call of a GPU-like implementation (fake clock): every call still returns the right
 * result, recomputed on the next candidate; the failure is remembered per device in the history store, persisted
 * with its error, shown in decisions, and the device is tried again only after a back-off. (A real failing OpenCL
 * build: engine-opencl's {@code OpenClFaultRecoveryTest}.)
 */
class FaultRecoveryTest {
    private static final long START = 1_800_000_000_000L;
    @TempDir
    Path store;

    private final FakeClock clock = new FakeClock();
    private final TickingClock wall = new TickingClock(clock, START);
    private final Scale scale = new Scale();

    private Engine engine(Path dir, Faulty... implementations) {
        DeviceSet devices = DeviceSet.of(List.of(new FakeDevice(Keys.CPU), new FakeDevice(Keys.GPU)));
        EngineConfig c = (dir == null ? EngineConfig.inMemory() : EngineConfig.forTests(dir)).withDevices(devices)
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(implementations))).withClocks(clock, wall).withPriors(false);
        return Engine.create(c);
    }

    private Faulty gpu(IntFunction<RuntimeException> fault) {
        return new Faulty("test.scale.gpu", Backend.OPENCL, clock, n -> 0.010, fault);
    }

    private Faulty cpu() {
        return new Faulty("test.scale.cpu", Backend.CPU, clock, n -> 0.030, n -> null);
    }

    private static float[] window(int i) {
        float[] w = new float[16];
        java.util.Arrays.fill(w, i);
        return w;
    }

    /** Runs {@code n} windows; checks every result; returns the executions. */
    private List<Execution<float[]>> stream(Engine engine, int from, int n) {
        List<Execution<float[]>> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            Execution<float[]> e = engine.execute(scale, 2f, window(i), RunOptions.auto());
            assertArrayEquals(window(2 * i), e.output(), "window " + i + " was lost or wrong");
            out.add(e);
        }
        return out;
    }

    private static long recovered(List<Execution<float[]>> runs) {
        return runs.stream().filter(e -> !e.recovered().isEmpty()).count();
    }

    private void assertRecomputedOnce(RuntimeException fault, FailureKind kind, String expectedFailure) {
        Faulty gpu = gpu(n -> n == 12 ? fault : null);
        try (Engine engine = engine(null, gpu, cpu())) {
            List<Execution<float[]>> runs = stream(engine, 0, 60);
            assertEquals(1, recovered(runs), "one window recomputed");
            Execution<float[]> hit = runs.stream().filter(e -> !e.recovered().isEmpty()).findFirst().orElseThrow();
            assertEquals("test.scale.cpu", hit.decision().choice().implementation());
            assertEquals(kind, hit.recovered().get(0).kind());
            List<FailureRecord> failures = engine.failures();
            assertEquals(1, failures.size());
            FailureRecord f = failures.get(0);
            assertEquals(Keys.GPU, f.device());
            assertEquals(expectedFailure, f.implementation());
            assertEquals(kind, f.kind());
            assertTrue(f.error().contains(fault.getMessage()), f.error());
            assertEquals(f.lastMillis() + BackOff.millis(kind, 1), f.retryAfterMillis());
            assertEquals(1, engine.activity().recoveredCalls());
            // within the back-off the GPU is left alone, and decisions say why
            List<Execution<float[]>> after = runs.subList(runs.indexOf(hit) + 1, runs.size());
            assertTrue(after.stream().allMatch(e -> e.decision().choice().implementation().equals("test.scale.cpu")));
            assertTrue(after.get(0).decision().explain().contains("backing off until"), after.get(0).decision().explain());
        }
    }

    @Test
    void aWindowThatThrowsOnTheGpuIsRecomputedOnTheNextCandidate() {
        assertRecomputedOnce(new IllegalStateException("CL_INVALID_COMMAND_QUEUE (simulated kernel fault)"), FailureKind.FAULT,
                "test.scale.gpu");
    }

    @Test
    void aWindowThatRunsOutOfDeviceMemoryIsRecomputedOnTheNextCandidate() {
        assertRecomputedOnce(new DeviceMemoryException("window buffer", 1L << 34, 1L << 33), FailureKind.OUT_OF_MEMORY,
                "test.scale.gpu");
    }

    @Test
    void aWindowWhoseDeviceIsLostIsRecomputedAndTheWholeDeviceIsLeftAlone() {
        assertRecomputedOnce(new DeviceLostException("CUDA_ERROR_ILLEGAL_ADDRESS (simulated device loss)"), FailureKind.DEVICE_LOST,
                FailureRecord.ANY);
        // another implementation on the lost device is left alone too
        Faulty other = new Faulty("test.scale.gpu2", Backend.OPENCL, clock, n -> 0.020, n -> null);
        Faulty gpu = gpu(n -> n == 12 ? new DeviceLostException("lost") : null);
        try (Engine engine = engine(null, gpu, other, cpu())) {
            List<Execution<float[]>> runs = stream(engine, 0, 40);
            int hit = runs.indexOf(runs.stream().filter(e -> !e.recovered().isEmpty()).findFirst().orElseThrow());
            assertTrue(runs.subList(hit, runs.size()).stream().allMatch(e -> e.decision().choice().device().equals(Keys.CPU)),
                    "after the loss every call runs on the CPU");
        }
    }

    @Test
    void theFailedDeviceIsRetriedOnlyAfterABackOffThatGrowsWithEachFailureInARow() {
        Faulty gpu = gpu(n -> n == 12 || n == 13 ? new IllegalStateException("fault " + n) : null);
        try (Engine engine = engine(null, gpu, cpu())) {
            stream(engine, 0, 40);
            assertEquals(12, gpu.calls(), "no GPU call during the first back-off");
            wall.skip(BackOff.millis(FailureKind.FAULT, 1));
            stream(engine, 40, 6); // the GPU is retried at once and fails again
            assertEquals(13, gpu.calls());
            FailureRecord f = engine.failures().get(0);
            assertEquals(2, f.consecutive());
            assertEquals(f.lastMillis() + 4 * BackOff.millis(FailureKind.FAULT, 1), f.retryAfterMillis(), "back-off x4 after two in a row");
            wall.skip(BackOff.millis(FailureKind.FAULT, 1) + 1);
            stream(engine, 46, 5);
            assertEquals(13, gpu.calls(), "still backing off");
            wall.skip(3 * BackOff.millis(FailureKind.FAULT, 1));
            stream(engine, 51, 10);
            assertTrue(gpu.calls() > 13, "retried after the longer back-off");
            assertTrue(engine.failures().isEmpty(), "a success ends the streak: " + engine.failures());
        }
    }

    @Test
    void theFailureIsPersistedWithItsErrorAndTheNextEngineLeavesTheDeviceAlone() {
        try (Engine engine = engine(store, gpu(n -> n == 3 ? new DeviceLostException("simulated loss of Test GPU") : null), cpu())) {
            stream(engine, 0, 10);
        }
        Faulty fresh = gpu(n -> null);
        try (Engine engine = engine(store, fresh, cpu())) {
            FailureRecord f = engine.failures().get(0);
            assertEquals(FailureKind.DEVICE_LOST, f.kind());
            assertTrue(f.error().contains("DeviceLostException: simulated loss of Test GPU"), f.error());
            var status = engine.candidates(Scale.ID).stream().filter(s -> s.info().id().equals("test.scale.gpu")).findFirst().orElseThrow();
            assertFalse(status.availability().available());
            assertTrue(status.availability().reason().contains("backing off until"), status.availability().reason());
            stream(engine, 0, 10);
            assertEquals(0, fresh.calls(), "the new engine leaves the lost device alone during the back-off");
        }
    }

    @Test
    void aRuntimeErrorOfCpuCodeIsABugAndPropagates() {
        Faulty buggy = new Faulty("test.scale.cpu", Backend.CPU, clock, n -> 0.030, n -> new IllegalStateException("bug"));
        try (Engine engine = engine(null, buggy)) {
            var e = assertThrows(IllegalStateException.class, () -> engine.run(scale, 2f, window(1)));
            assertEquals("bug", e.getMessage());
            assertTrue(engine.failures().isEmpty());
        }
    }

    @Test
    void whenEveryCandidateFailsTheFirstFailureIsThrownWithTheOthersSuppressed() {
        Faulty a = new Faulty("test.scale.gpu", Backend.OPENCL, clock, n -> 0.01, n -> new DeviceMemoryException("a", 2, 1));
        Faulty b = new Faulty("test.scale.gpu2", Backend.OPENCL, clock, n -> 0.01, n -> new IllegalStateException("b"));
        Faulty c = new Faulty("test.scale.cpu", Backend.CPU, clock, n -> 0.01,
                n -> new org.flowscope.engine.spi.BackendUnavailableException("c: native library gone"));
        try (Engine engine = engine(null, a, b, c)) {
            var e = assertThrows(RuntimeException.class, () -> engine.run(scale, 2f, window(1)));
            assertEquals(2, e.getSuppressed().length, "every failure reported");
            assertEquals(3, engine.failures().size());
        }
    }
}
