package org.flowscope.methods.crosscorrelation;

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
 * {@link CrossCorrelation} on an OpenCL device: {@link DeviceCcm} per call, the reference's steps and decisions with
 * the image-sized work on the device in double precision.
 */
public final class CrossCorrelationOpenCl implements Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("cross-correlation.opencl", CrossCorrelation.class, Backend.OPENCL, Precision.FP64,
                "FFT cross-correlation and sub-pixel peak on an OpenCL device");
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
    public CrossCorrelationResult run(CrossCorrelationParams params, CrossCorrelationInput input, ExecutionContext context) {
        return Gpu.with(context.device(OpenClDevice.class), gpu -> CrossCorrelationGpu.compute(gpu, params, input));
    }
}
