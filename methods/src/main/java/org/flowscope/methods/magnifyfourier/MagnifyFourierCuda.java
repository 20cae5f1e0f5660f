package org.flowscope.methods.magnifyfourier;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.Gpu;

/**
 * {@link MagnifyFourier} with its transforms and spectral placement on a CUDA device ({@link DeviceFourierPlanes},
 * double precision).
 */
public final class MagnifyFourierCuda implements Implementation<MagnifyFourierParams, ImageStack, ImageStack> {
    public static final String ID = "magnify-fourier.cuda";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, MagnifyFourier.class, Backend.CUDA,
            Precision.FP64, "FFTs and spectral placement on a CUDA device, padding and crop on the host");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(MagnifyFourierParams params, ImageStack input, ExecutionContext context) {
        return Gpu.with(context.device(CudaDevice.class),
                gpu -> MagnifyFourierCpu.apply(params, input, new DeviceFourierPlanes(gpu)));
    }
}
