package org.flowscope.methods.crosscorrelation;

import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gpu.Gpu;

/**
 * {@link CrossCorrelation} on a CUDA device: {@link DeviceCcm} per call, the reference's steps and decisions with the
 * image-sized work on the device in double precision.
 */
public final class CrossCorrelationCuda implements Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("cross-correlation.cuda", CrossCorrelation.class, Backend.CUDA, Precision.FP64,
                "FFT cross-correlation and sub-pixel peak on a CUDA device");
    }

    @Override
    public Availability availability(Device device) {
        return device instanceof CudaDevice ? Availability.ok()
                : Availability.unavailable("not a CUDA device: " + device.identity().label());
    }

    @Override
    public CrossCorrelationResult run(CrossCorrelationParams params, CrossCorrelationInput input, ExecutionContext context) {
        return Gpu.with(context.device(CudaDevice.class), gpu -> CrossCorrelationGpu.compute(gpu, params, input));
    }
}
