package org.flowscope.benchmarks.esrrf;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.esrrf.EsrrfCpuThreaded;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
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
 * Threaded CPU eSRRF on NanoPyx's benchmark input (10 x 128 x 128, x5, r 1.5, AVG), the figure compared with
 * NanoPyx's fastest CPU runtype (5.8-7.0 s on the 2-core build machine).
 * Run: {@code java -cp "benchmarks/target/benchmarks-*.jar:<deps>" org.openjdk.jmh.Main EsrrfBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(1)
public class EsrrfBenchmark {
    @Param({"CENTRED", "NANOPYX"})
    public String geometry;

    private ImageStack input;
    private EsrrfParams params;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        input = SyntheticFrames.blinking(10, 128, 128, 1);
        params = EsrrfParams.defaults().withGeometry(Geometry.valueOf(geometry));
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public ImageStack threaded10x128x128() {
        return EsrrfCpuThreaded.apply(params, input, pool);
    }
}
