package org.flowscope.methods.decorr;

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
 * {@link Decorr} with the spectrum and all ring sums on an OpenCL device ({@link GpuDecorrSpectrum}); the curve logic
 * is the reference's. Double precision: within 1e-6 of {@link DecorrCpu} (in practice 1e-12).
 */
public final class DecorrOpenCl implements Implementation<DecorrParams, ImageStack, DecorrResult> {
    private static final Decorr OPERATION = new Decorr();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("decorr.opencl", Decorr.class, Backend.OPENCL, Precision.FP64,
                "decorrelation analysis, FFT and ring sums on an OpenCL device");
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
    public DecorrResult run(DecorrParams params, ImageStack input, ExecutionContext context) {
        OPERATION.validate(params, input);
        return Gpu.with(context.device(OpenClDevice.class),
                gpu -> new DecorrAnalysis(params).run(new GpuDecorrSpectrum(gpu, input)));
    }
}
