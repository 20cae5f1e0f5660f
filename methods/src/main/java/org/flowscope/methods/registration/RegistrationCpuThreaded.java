package org.flowscope.methods.registration;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpuThreaded;

/** Every cross-correlation on the CPU device's fork-join pool. */
public final class RegistrationCpuThreaded implements Implementation<RegistrationParams, ImageStack, RegistrationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("registration.cpu-threaded", Registration.class, Backend.CPU_THREADED, Precision.FP64,
                "global + block cross-correlations, frames in parallel");
    }

    @Override
    public RegistrationResult run(RegistrationParams params, ImageStack channels, ExecutionContext context) {
        var pool = CpuPools.of(context);
        return new RegistrationEstimator((p, in) -> CrossCorrelationCpuThreaded.compute(p, in, pool)).estimate(channels, params);
    }
}
