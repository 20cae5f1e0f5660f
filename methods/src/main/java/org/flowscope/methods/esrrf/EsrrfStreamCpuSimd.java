package org.flowscope.methods.esrrf;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link EsrrfStreamCpuThreaded} with the sample loop on the JDK's vector API ({@link EsrrfSimdLoop}), about three
 * times faster on AVX2/AVX-512 cores. Available when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (the {@code flowscope} launcher adds it); otherwise the engine reports why and uses the others.
 */
public final class EsrrfStreamCpuSimd implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        StreamingEsrrf {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf-stream.cpu-simd", EsrrfStream.class,
            Backend.CPU_THREADED, Precision.MIXED,
            "streaming eSRRF on all cores with the vector API (needs --add-modules jdk.incubator.vector)");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Availability availability(Device device) {
        return EsrrfSimdLoop.available() ? Availability.ok()
                : Availability.unavailable("the JVM was started without --add-modules jdk.incubator.vector");
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
        if (!EsrrfSimdLoop.available()) {
            throw new org.flowscope.engine.spi.BackendUnavailableException(availability(context.device()).reason());
        }
        ForkJoinPool pool = Pools.of(context);
        EsrrfFrameKernel kernel = new EsrrfFrameKernel(new EsrrfPlan(params.esrrf(), height, width),
                EsrrfSimdLoop.INSTANCE);
        return new CpuEsrrfSession(params, height, width,
                (frame, shift, acc) -> EsrrfCpuThreaded.accumulateFrame(kernel, frame, 0, shift, acc, pool));
    }
}
