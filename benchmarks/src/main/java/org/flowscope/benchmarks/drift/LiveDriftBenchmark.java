package org.flowscope.benchmarks.drift;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpuThreaded;
import org.flowscope.methods.drift.DriftCorrectionCpu;
import org.flowscope.methods.drift.DriftCorrectionCpuThreaded;
import org.flowscope.methods.drift.DriftCorrectionParams;
import org.flowscope.methods.drift.DriftShifter;
import org.flowscope.methods.drift.LiveDriftCorrector;
import org.flowscope.methods.drift.ShiftMeasurer;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
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
 * The live drift stage on one window of {@code window} frames of {@code size}x{@code size}: one correlation of the
 * window mean with the reference, then every frame shifted back (Lanczos-3). Divide the window length by the time
 * per window to get the frame rate the stage sustains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class LiveDriftBenchmark {
    @Param({"java", "threaded"})
    public String implementation;

    @Param({"512"})
    public int size;

    @Param({"100"})
    public int window;

    private ImageStack frames;
    private ForkJoinPool pool;
    private LiveDriftCorrector corrector;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        frames = DriftEstimationBenchmark.scene(window, size, 7);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        boolean threaded = "threaded".equals(implementation);
        ShiftMeasurer m = threaded ? (p, in) -> CrossCorrelationCpuThreaded.compute(p, in, pool) : CrossCorrelationCpu::compute;
        DriftShifter s = threaded ? (p, in) -> DriftCorrectionCpuThreaded.compute(p, in, pool) : DriftCorrectionCpu::compute;
        corrector = new LiveDriftCorrector(m, s, frames.frame(0), 0,
                new DriftCorrectionParams(Kernel.LANCZOS3, Border.NEAREST));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public ImageStack correctOneWindow() {
        ImageStack out = corrector.apply(frames, next);
        next += window;
        return out;
    }
}
