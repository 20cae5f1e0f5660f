package org.flowscope.benchmarks.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.methods.conv2d.Conv2d;
import org.flowscope.methods.conv2d.Conv2dCpu;
import org.flowscope.methods.conv2d.Conv2dCpuThreaded;
import org.flowscope.methods.conv2d.Conv2dParams;
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
 * The CPU implementations of conv2d on the seeded benchmark inputs (GPU ones are timed by
 * {@code flowscope engine benchmark conv2d}, which also checks their output). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar Conv2dBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class Conv2dBenchmark {
    @Param({"256", "1024"})
    int size;

    @Param({"3", "9"})
    int kernel;

    private Conv2dParams params;
    private ImageStack image;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkInputs.Case<Conv2dParams, ImageStack> c =
                new Conv2d().benchmarkCase(new BenchmarkInputs.Spec(size, size, 1, kernel), 42);
        params = c.params();
        image = c.input();
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public ImageStack cpu() {
        return Conv2dCpu.compute(params, image);
    }

    @Benchmark
    public ImageStack cpuThreaded() {
        return Conv2dCpuThreaded.compute(params, image, pool);
    }
}
