package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link EsrrfStream} on an NVIDIA GPU from the committed PTX of {@code esrrf_stream.cu} and {@code esrrf.cu}
 * ({@link CudaEsrrfSession}): frames copied as they arrive from page-locked staging memory on a transfer stream,
 * converted, shifted and added to running sums on a compute stream; windows joined, finished, macro-pixel corrected
 * on the device and read back while later frames compute.
 */
public final class EsrrfStreamCuda implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        StreamingEsrrf {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf-stream.cuda", EsrrfStream.class,
            Backend.CUDA, Precision.MIXED,
            "streaming eSRRF on an NVIDIA GPU: page-locked uploads on their own stream, sums and windows on the device");

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
        CudaEsrrfSession s = new CudaEsrrfSession(params, height, width, pixelType, context.device(CudaDevice.class));
        s.warmUp();
        return s;
    }
}
