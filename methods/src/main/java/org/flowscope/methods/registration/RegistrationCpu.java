package org.flowscope.methods.registration;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;

/** The reference: every cross-correlation on one thread. */
public final class RegistrationCpu implements Implementation<RegistrationParams, ImageStack, RegistrationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("registration.cpu", Registration.class, Backend.CPU, Precision.FP64,
                "global + block cross-correlations on one thread (reference)");
    }

    @Override
    public RegistrationResult run(RegistrationParams params, ImageStack channels, ExecutionContext context) {
        return new RegistrationEstimator(CrossCorrelationCpu::compute).estimate(channels, params);
    }
}
