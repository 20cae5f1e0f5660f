package org.flowscope.benchmarks.srrf;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.methods.srrf.Geometry;
import org.flowscope.methods.srrf.SrrfCpuThreaded;
import org.flowscope.methods.srrf.SrrfParams;
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
 * Threaded CPU SRRF on the shapes of NanoPyx's SRRF reference cases (x5, ring 0.5, AVG, macro-pixel correction):
 * 100 x 32 x 32 and 200 x 64 x 64, the figures set beside the radiality times NanoPyx recorded for those inputs in
 * {@code ../shared/reference/srrf/*.json}. NANOPYX computes the radiality twice (its per-frame macro-pixel correction
 * needs each frame's phase means first); CENTRED once.
 * Run: {@code java -cp "benchmarks/target/classes:<deps>" org.openjdk.jmh.Main SrrfBenchmark -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(1)
public class SrrfBenchmark {
    @Param({"CENTRED", "NANOPYX"})
    public String geometry;

    @Param({"100x32", "200x64"})
    public String shape;

    private ImageStack input;
    private SrrfParams params;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        String[] fs = shape.split("x");
        int frames = Integer.parseInt(fs[0]);
        int side = Integer.parseInt(fs[1]);
        input = SyntheticFrames.blinking(frames, side, side, 1);
        params = SrrfParams.defaults().withGeometry(Geometry.valueOf(geometry));
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public ImageStack threaded() {
        return SrrfCpuThreaded.apply(params, input, pool);
    }
}
