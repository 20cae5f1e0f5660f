package org.flowscope.benchmarks.drift;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpuThreaded;
import org.flowscope.methods.drift.DriftEstimator;
import org.flowscope.methods.drift.DriftParams;
import org.flowscope.methods.drift.DriftTable;
import org.flowscope.methods.drift.ShiftMeasurer;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.scenes.GaussianSpots;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drift estimation of {@code frames} frames of {@code size}x{@code size} against the first frame, per
 * cross-correlation implementation (the engine's choice is one of these). Frames: a seeded bead scene moved along a
 * random walk (Lanczos shift) plus Gaussian noise. One invocation = the whole stack.
 *
 * <p>Run: {@code java -cp ... org.openjdk.jmh.Main DriftEstimationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class DriftEstimationBenchmark {
    @Param({"java", "threaded"})
    public String implementation;

    @Param({"1000"})
    public int frames;

    @Param({"256"})
    public int size;

    private ImageStack stack;
    private ForkJoinPool pool;
    private DriftEstimator estimator;

    @Setup(Level.Trial)
    public void setUp() {
        stack = scene(frames, size, 42);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        ShiftMeasurer m = switch (implementation) {
            case "java" -> CrossCorrelationCpu::compute;
            case "threaded" -> (p, in) -> CrossCorrelationCpuThreaded.compute(p, in, pool);
            default -> throw new IllegalArgumentException("unknown implementation " + implementation);
        };
        estimator = new DriftEstimator(m);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public DriftTable estimateAgainstFirstFrame() {
        return estimator.estimate(stack, null, DriftParams.defaults());
    }

    /** A bead scene drifting along a seeded random walk, with additive noise. */
    static ImageStack scene(int n, int size, long seed) {
        Random r = new Random(seed);
        float[] base = new float[size * size];
        for (int b = 0; b < size * size / 300; b++) {
            double cx = r.nextDouble() * size;
            double cy = r.nextDouble() * size;
            GaussianSpots.addSampled(base, 0, size, size, cx, cy, 1.5, 200 + 800 * r.nextDouble(), 6);
        }
        float[] data = new float[n * size * size];
        double dx = 0;
        double dy = 0;
        Interpolator lanczos = Interpolator.normalised(Kernel.LANCZOS3, Border.NEAREST);
        for (int t = 0; t < n; t++) {
            lanczos.shift(base, 0, size, size, dx, dy, data, t * size * size);
            for (int i = t * size * size; i < (t + 1) * size * size; i++) {
                data[i] += (float) (50 + 5 * r.nextGaussian());
            }
            dx += 0.02 + 0.05 * r.nextGaussian();
            dy += -0.01 + 0.05 * r.nextGaussian();
        }
        return new ImageStack(n, size, size, data);
    }
}
