package org.flowscope.methods.esrrfsweep;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * The reference of {@link EsrrfSweep}: the sweep with every sub-operation computed by its own plain-Java reference
 * ({@code esrrf.cpu}, {@code squirrel.cpu}, {@code frc.cpu}, {@code decorr.cpu}), one thread. It is what the
 * command's engine-driven sweep is held to; the command itself does not run it (it would keep the GPUs idle).
 */
public final class EsrrfSweepCpu implements Implementation<EsrrfSweepParams, ImageStack, SweepResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("esrrf-sweep.cpu", EsrrfSweep.class, Backend.CPU, Precision.MIXED,
                "eSRRF parameter sweep, every sub-operation by its plain-Java reference");
    }

    @Override
    public SweepResult run(EsrrfSweepParams params, ImageStack input, ExecutionContext context) {
        return SweepDriver.run(params, input, new ReferenceSteps(context), null);
    }
}
