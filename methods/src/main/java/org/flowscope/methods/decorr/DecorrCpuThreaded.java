package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link Decorr} on the CPU device's pool: the rows and columns of the transform and the filters of each high-pass
 * series are spread over its threads. Every value is computed by the same code as in {@link DecorrCpu}, so the results
 * are bit-identical; memory is the reference's (one half spectrum) plus one row per thread.
 */
public final class DecorrCpuThreaded implements Implementation<DecorrParams, ImageStack, DecorrResult> {
    private static final Decorr OPERATION = new Decorr();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("decorr.cpu-threaded", Decorr.class, Backend.CPU_THREADED, Precision.FP64,
                "decorrelation analysis, transform and high-pass series in parallel on the CPU pool");
    }

    @Override
    public DecorrResult run(DecorrParams params, ImageStack input, ExecutionContext context) {
        OPERATION.validate(params, input);
        CpuDevice cpu = context.device(CpuDevice.class);
        try (CpuDecorrSpectrum spectrum = CpuDecorrSpectrum.of(input, cpu.pool())) {
            return new DecorrAnalysis(params).run(spectrum);
        }
    }
}
