package org.flowscope.methods.magnifyfourier;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.Gpu;

/**
 * {@link MagnifyFourier} with its transforms and spectral placement on an OpenCL device ({@link DeviceFourierPlanes},
 * double precision); needs {@code cl_khr_fp64}.
 */
public final class MagnifyFourierOpenCl implements Implementation<MagnifyFourierParams, ImageStack, ImageStack> {
    public static final String ID = "magnify-fourier.opencl";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, MagnifyFourier.class, Backend.OPENCL,
            Precision.FP64, "FFTs and spectral placement on an OpenCL device, padding and crop on the host");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public Availability availability(Device device) {
        if (!(device instanceof OpenClDevice ocl)) {
            return Availability.unavailable("not an OpenCL device: " + device.identity().label());
        }
        return Gpu.doublePrecision(ocl) ? Availability.ok()
                : Availability.unavailable("device lacks cl_khr_fp64, needed by the double-precision FFT");
    }

    @Override
    public ImageStack run(MagnifyFourierParams params, ImageStack input, ExecutionContext context) {
        return Gpu.with(context.device(OpenClDevice.class),
                gpu -> MagnifyFourierCpu.apply(params, input, new DeviceFourierPlanes(gpu)));
    }
}
