package org.flowscope.methods.frc;

import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.Gpu;

/** {@link Frc} on an OpenCL device ({@link FrcGpu}). */
public final class FrcOpenCl implements Implementation<FrcParams, FrcInput, FrcResult> {
    private static final Frc OPERATION = new Frc();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("frc.opencl", Frc.class, Backend.OPENCL, Precision.MIXED,
                "Fourier ring correlation, FFTs and ring sums on an OpenCL device");
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
    public FrcResult run(FrcParams params, FrcInput input, ExecutionContext context) {
        OPERATION.validate(params, input);
        return Gpu.with(context.device(OpenClDevice.class), gpu -> FrcGpu.compute(gpu, params, input));
    }
}
