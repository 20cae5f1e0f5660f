package org.flowscope.methods.frc;

import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.Gpu;

/** {@link Frc} on a CUDA device ({@link FrcGpu}). */
public final class FrcCuda implements Implementation<FrcParams, FrcInput, FrcResult> {
    private static final Frc OPERATION = new Frc();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("frc.cuda", Frc.class, Backend.CUDA, Precision.MIXED,
                "Fourier ring correlation, FFTs and ring sums on a CUDA device");
    }

    @Override
    public Availability availability(Device device) {
        return device instanceof CudaDevice ? Availability.ok()
                : Availability.unavailable("not a CUDA device: " + device.identity().label());
    }

    @Override
    public FrcResult run(FrcParams params, FrcInput input, ExecutionContext context) {
        OPERATION.validate(params, input);
        return Gpu.with(context.device(CudaDevice.class), gpu -> FrcGpu.compute(gpu, params, input));
    }
}
