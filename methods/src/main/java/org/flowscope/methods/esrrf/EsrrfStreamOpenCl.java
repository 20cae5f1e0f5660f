package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link EsrrfStream} on an OpenCL device ({@link OpenClEsrrfSession}): frames uploaded as they arrive from pinned
 * staging memory in the camera's pixel type, converted, shifted and added to running sums on the device; windows
 * joined, finished and macro-pixel corrected there, read back while later frames compute.
 */
public final class EsrrfStreamOpenCl implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        StreamingEsrrf {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf-stream.opencl", EsrrfStream.class,
            Backend.OPENCL, Precision.MIXED,
            "streaming eSRRF on an OpenCL device: frames uploaded as they arrive, sums and windows on the device");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Availability availability(Device device) {
        return new EsrrfOpenCl().availability(device);
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
        OpenClEsrrfSession s = new OpenClEsrrfSession(params, height, width, pixelType, context.device(OpenClDevice.class));
        s.warmUp();
        return s;
    }
}
