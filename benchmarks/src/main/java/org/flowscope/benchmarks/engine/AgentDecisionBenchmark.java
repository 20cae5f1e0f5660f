package org.flowscope.benchmarks.engine;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.agent.DelayAwareSelector;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.RobustDelayModel;
import org.flowscope.engine.agent.SelectionRequest;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.model.CostRegressionModel;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent's own cost per call (NanoPyx: 10–22 ms). Three candidates (CUDA-, OpenCL- and CPU-like) with a warm
 * history of one work shape, as in a live pipeline. {@code decide}: choose + learn from a fixed time (the agent
 * alone); {@code engineCall}: a whole {@link Engine#execute} of an implementation that does nothing (agent, history,
 * decision log and dispatch). Target: median below 10 µs.
 *
 * <pre>{@code java -cp <benchmarks classpath> org.openjdk.jmh.Main AgentDecisionBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AgentDecisionBenchmark {
    static final String OP = "bench.noop";

    /** An operation whose work is nothing: only the engine's overhead is left to time. */
    public static final class Noop implements Operation<Integer, float[], float[]> {
        @Override
        public String id() {
            return OP;
        }

        @Override
        public WorkShape shape(Integer p, float[] in) {
            return new WorkShape(OP, List.of(1, 512, 512), "f32", new TreeMap<>(java.util.Map.of("kernel", "9")));
        }

        @Override
        public double cost(Integer p, float[] in) {
            return 512.0 * 512 * 81;
        }

        @Override
        public Tolerance tolerance() {
            return new Tolerance(0, 0);
        }
    }

    static Implementation<Integer, float[], float[]> impl(String id, Backend backend) {
        return new Implementation<>() {
            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo(id, Noop.class, backend, Precision.FP32, "no-op");
            }

            @Override
            public float[] run(Integer p, float[] in, ExecutionContext c) {
                return in;
            }
        };
    }

    record IdentityDevice(DeviceIdentity identity) implements Device {
        @Override
        public void close() {
        }
    }

    private Engine engine;
    private DelayAwareSelector selector;
    private SelectionRequest request;
    private final Noop op = new Noop();
    private final float[] input = new float[1];
    private final Random times = new Random(1);

    @Setup(Level.Trial)
    public void setUp() {
        List<Device> devices = List.of(
                new IdentityDevice(new DeviceIdentity(DeviceKind.CPU, "bench", "cpu", "1", 1L << 34, 16)),
                new IdentityDevice(new DeviceIdentity(DeviceKind.OPENCL, "bench", "gpu", "1", 1L << 36, 132)),
                new IdentityDevice(new DeviceIdentity(DeviceKind.CUDA, "bench", "gpu", "1", 1L << 36, 132)));
        List<Implementation<?, ?, ?>> impls = List.of(impl("bench.noop.cpu", Backend.CPU),
                impl("bench.noop.opencl", Backend.OPENCL), impl("bench.noop.cuda", Backend.CUDA));
        engine = Engine.create(EngineConfig.inMemory().withPriors(false).withDevices(DeviceSet.of(devices))
                .withRegistry(ImplementationRegistry.ofImplementations(impls)));
        for (int i = 0; i < 500; i++) {
            engine.run(op, 0, input);
        }
        var store = new InMemoryBenchmarkStore(100);
        selector = new DelayAwareSelector(store, new CostRegressionModel(store, FactoryPriors.none()), new RobustDelayModel(),
                DelayAwareSelector.DelayRule.AVOID_AND_PROBE, new Random(7), "bench", Clock.systemUTC(), true);
        List<Candidate> candidates = List.of(new Candidate(impls.get(0), devices.get(0)), new Candidate(impls.get(1), devices.get(1)),
                new Candidate(impls.get(2), devices.get(2)));
        request = new SelectionRequest(OP, op.shape(0, input), op.cost(0, input), candidates);
        for (int i = 0; i < 500; i++) {
            decide();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Choose, then learn from a plausible time of the chosen candidate (1–3 ms with 2 % jitter). */
    @Benchmark
    public Decision decide() {
        Decision d = selector.choose(request);
        double base = 1e-3 * (1 + d.chosen());
        selector.observe(request, request.candidates().get(d.chosen()), base * (1 + 0.02 * times.nextGaussian()));
        return d;
    }

    @Benchmark
    public Object engineCall() {
        return engine.execute(op, 0, input, RunOptions.auto());
    }
}
