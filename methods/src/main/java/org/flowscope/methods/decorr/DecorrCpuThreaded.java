package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * {@link Decorr} with the {@code n_g} curves of each high-pass series computed concurrently on the CPU device's pool.
 *
 * <p>This is the one variant of the quality metrics that genuinely competes: the analysis is 2&nbsp;&times;&nbsp;n_g
 * independent blur + FFT + ring sums (90&nbsp;% of the time) between two short sequential steps, so it scales with
 * cores, whereas the engine's agent must still weigh that against other work using the same pool (e.g. the live
 * reconstruction). Each curve is computed by the same code as in {@link DecorrCpu}, so the results are bit-identical.
 */
public final class DecorrCpuThreaded implements Implementation<DecorrParams, ImageStack, DecorrResult> {
    private static final Decorr OPERATION = new Decorr();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("decorr.cpu-threaded", Decorr.class, Backend.CPU_THREADED, Precision.MIXED,
                "decorrelation analysis, high-pass series in parallel on the CPU pool");
    }

    @Override
    public DecorrResult run(DecorrParams params, ImageStack input, ExecutionContext context) {
        OPERATION.validate(params, input);
        CpuDevice cpu = context.device(CpuDevice.class);
        return new DecorrAnalysis(params, cpu.pool()).run(input);
    }
}
