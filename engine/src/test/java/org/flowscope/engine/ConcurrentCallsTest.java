package org.flowscope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.CalibratedScale;
import org.flowscope.engine.fixtures.FakeDevice;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.ThreadClock;
import org.flowscope.engine.fixtures.TimedScale;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Test;

/**
 * Several threads calling one cold engine at once ({@code flowscope batch} on {@code local[2]}: two Spark tasks, one
 * engine; live dispatch with several windows in flight). Each thread has its own fake clock, so what the engine
 * measures does not depend on the interleaving; the first calibration run of the slow reference is held until every
 * other call has decided or is waiting, which is where a second call used to find the reference "calibrated already"
 * and hand it a whole block (99.6 s on the 2-core box, against 4-13 s threaded).
 */
class ConcurrentCallsTest {
    private static final int THREADS = 4;
    private static final int CALLS = 5;
    /** A block of 25 frames of 64x64: far larger than calibration work. */
    private static final int BLOCK = 25 * 64 * 64;
    private static final String REF = "test.scale.ref";
    private static final String FAST = "test.scale.threaded";

    private final ThreadClock clock = new ThreadClock();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Set<Thread> inCall = ConcurrentHashMap.newKeySet();
    private final Set<Thread> decided = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gateOpened = new CountDownLatch(1);
    private volatile boolean gateTimedOut;

    /** What one call ran on, why, and what it returned. */
    private record Call(String implementation, Reason reason, float[] input, float[] output) {
    }

    /** The interface a thread calls: {@link Engine#execute}, or {@link Engine#select} and running the choice itself. */
    private interface Caller {
        Call call(Engine engine, CalibratedScale op, float[] input);
    }

    /**
     * Holds the reference's first calibration run until every other worker has made a decision or is parked
     * (waiting for that calibration), at most 10 s.
     */
    private final IntConsumer holdFirstCalibration = elements -> {
        if (elements > TimedScale.CALIBRATION_MAX || gateOpened.getCount() == 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!everyOtherWorkerDecidedOrWaits()) {
            if (System.nanoTime() > deadline) {
                gateTimedOut = true;
                break;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        gateOpened.countDown();
    };

    private boolean everyOtherWorkerDecidedOrWaits() {
        if (workers.size() < THREADS) {
            return false;
        }
        for (Thread t : workers) {
            if (t == Thread.currentThread()) {
                continue;
            }
            Thread.State s = t.getState();
            boolean waits = s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
            if (!(decided.contains(t) || inCall.contains(t) && waits || s == Thread.State.TERMINATED)) {
                return false;
            }
        }
        return true;
    }

    private Engine engine(TimedScale ref, TimedScale fast) {
        // priors from another machine, as shipped for eSRRF: the reference 7x the threaded one, within the range where
        // the agent calibrates before trusting them
        DeviceIdentity otherCpu = new DeviceIdentity(DeviceKind.CPU, "AuthenticAMD", "Another CPU", "Java 17", 24L << 30, 2);
        var shape = new Scale().shape(1f, new float[BLOCK]);
        FactoryPriors priors = FactoryPriors.of(List.of(
                new History(new BenchmarkKey(Scale.ID, REF, otherCpu, shape, "0"), BLOCK, List.of(new Sample(4.2, 0, false))),
                new History(new BenchmarkKey(Scale.ID, FAST, otherCpu, shape, "0"), BLOCK, List.of(new Sample(0.6, 0, false)))));
        EngineConfig c = EngineConfig.inMemory().withDevices(DeviceSet.of(List.of(new FakeDevice(Keys.CPU))))
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(ref, fast)))
                .withClocks(clock, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).withSeed(5).withFactoryPriors(priors);
        Engine engine = Engine.create(c);
        engine.decisions().subscribe(d -> decided.add(Thread.currentThread()));
        return engine;
    }

    private List<Call> callConcurrently(Engine engine, Caller caller) throws Exception {
        CalibratedScale op = new CalibratedScale();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Call>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    workers.add(Thread.currentThread());
                    start.await();
                    List<Call> calls = new ArrayList<>();
                    for (int i = 0; i < CALLS; i++) {
                        float[] input = new float[BLOCK];
                        for (int k = 0; k < BLOCK; k++) {
                            input[k] = thread * 1000 + i + k % 17; // each call's own values
                        }
                        inCall.add(Thread.currentThread());
                        calls.add(caller.call(engine, op, input));
                    }
                    return calls;
                }));
            }
            while (workers.size() < THREADS) {
                Thread.onSpinWait();
            }
            start.countDown();
            List<Call> all = new ArrayList<>();
            for (Future<List<Call>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNoBlockWentToTheSlowReference(Caller caller) throws Exception {
        TimedScale ref = new TimedScale(REF, Backend.CPU, clock, n -> 10e-5 * n, holdFirstCalibration);
        TimedScale fast = new TimedScale(FAST, Backend.CPU_THREADED, clock, n -> 1e-3 + 1e-5 * n, n -> { });
        List<Call> calls;
        List<Decision> decisions;
        try (Engine engine = engine(ref, fast)) {
            calls = callConcurrently(engine, caller);
            decisions = engine.decisions().recent();
        }
        assertTrue(!gateTimedOut, "a concurrent call neither decided nor waited within 10 s");
        assertEquals(THREADS * CALLS, calls.size());
        for (Call c : calls) {
            float[] expected = new float[c.input().length];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = c.input()[k] * 2f;
            }
            assertArrayEquals(expected, c.output(), "the call's own result, computed on " + c.implementation());
        }
        // a deliberate, cost-bounded re-measurement may run the reference; nothing else may while a 10x faster
        // estimate exists
        List<Call> onRef = calls.stream().filter(c -> c.implementation().equals(REF)).toList();
        assertTrue(onRef.stream().allMatch(c -> c.reason() == Reason.EXPLORE_REFRESH),
                "blocks on the 10x slower reference: " + onRef.stream().map(Call::reason).toList()
                        + "\n" + decisions.stream().map(Decision::explain).collect(Collectors.joining()));
        assertEquals(onRef.size(), ref.realRuns(), "the reference ran real work only in those calls");
        Map<String, Long> calibrations = decisions.stream().filter(d -> d.reason() == Reason.CALIBRATE)
                .collect(Collectors.groupingBy(d -> d.choice().implementation(), Collectors.counting()));
        assertEquals(1L, calibrations.get(REF), "the reference is calibrated once: " + calibrations);
        assertTrue(calibrations.getOrDefault(FAST, 0L) <= 1, "each candidate is calibrated at most once: " + calibrations);
        assertTrue(Collections.frequency(calls.stream().map(Call::implementation).toList(), FAST) >= THREADS * CALLS - onRef.size());
    }

    @Test
    void concurrentColdCallsNeverHandABlockToTheSlowReferenceWhileItIsBeingCalibrated() throws Exception {
        assertNoBlockWentToTheSlowReference((engine, op, input) -> {
            Execution<float[]> e = engine.execute(op, 2f, input, RunOptions.auto());
            return new Call(e.decision().choice().implementation(), e.decision().reason(), input, e.output());
        });
    }

    @Test
    void concurrentColdSelectionsForWorkRunByTheCallerNeverPickTheReferenceWhileItIsBeingCalibrated() throws Exception {
        assertNoBlockWentToTheSlowReference((engine, op, input) -> runSelected(engine, op, input,
                engine.select(op, op.shape(2f, input), op.cost(2f, input), RunOptions.auto(), c -> true)));
    }

    @Test
    void concurrentColdDispatchesOverSeveralDevicesNeverPlaceWorkOnTheReferenceWhileItIsBeingCalibrated() throws Exception {
        assertNoBlockWentToTheSlowReference((engine, op, input) -> runSelected(engine, op, input,
                engine.dispatch(op, op.shape(2f, input), op.cost(2f, input), RunOptions.auto(), c -> true, c -> 0.0, 1)));
    }

    /** Runs a selection's candidate on the calling thread, as a frame stream does, and reports its time. */
    private Call runSelected(Engine engine, CalibratedScale op, float[] input, Selection s) {
        @SuppressWarnings("unchecked")
        var impl = (org.flowscope.engine.spi.Implementation<Float, float[], float[]>) s.candidate().implementation();
        long t0 = clock.getAsLong();
        float[] out = impl.run(2f, input, new ExecutionContexts(s.candidate().device()));
        engine.observe(s, (clock.getAsLong() - t0) * 1e-9);
        return new Call(s.candidate().implementationId(), s.decision().reason(), input, out);
    }
}
