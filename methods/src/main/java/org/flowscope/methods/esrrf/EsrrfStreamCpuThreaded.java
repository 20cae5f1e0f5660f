package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.parallel.CpuPools;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link EsrrfStream} on the CPU device's threads: each frame's map is computed once by the threaded kernel
 * ({@link EsrrfCpuThreaded}'s tables and row bands, with the frame's shift in the image taps and the lattice) and
 * added to running sums; windows are joined from the sums of the runs they share. The innermost loop uses the JDK's
 * vector API when the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code flowscope} launcher
 * adds it), about three times faster on AVX2/AVX-512 cores, and a plain loop otherwise ({@link SampleLoop#best()}).
 */
public final class EsrrfStreamCpuThreaded implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        StreamingEsrrf {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf-stream.cpu-threaded",
            EsrrfStream.class, Backend.CPU_THREADED, Precision.MIXED,
            "streaming eSRRF, each frame once on all cores (vector API when present), windows from shared running sums");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfStreamParams params, EsrrfStreamInput input, ExecutionContext context) {
        new EsrrfStream().validate(params, input);
        ImageStack f = input.frames();
        return EsrrfStreamer.offline(params, input, open(params, f.height(), f.width(), PixelType.F32, context), INFO.id());
    }

    @Override
    public EsrrfSession open(EsrrfStreamParams params, int height, int width, PixelType pixelType,
            ExecutionContext context) {
        return open(params, height, width, CpuPools.of(context), SampleLoop.best());
    }

    /** A session with the given sample loop (tests hold both loops to the reference). */
    static EsrrfSession open(EsrrfStreamParams params, int height, int width, ForkJoinPool pool, SampleLoop loop) {
        EsrrfFrameKernel kernel = new EsrrfFrameKernel(new EsrrfPlan(params.esrrf(), height, width), loop);
        CpuEsrrfSession s = new CpuEsrrfSession(params, height, width,
                (frame, shift, acc) -> EsrrfCpuThreaded.accumulateFrame(kernel, frame, 0, shift, acc, pool));
        s.warmUp();
        return s;
    }
}
