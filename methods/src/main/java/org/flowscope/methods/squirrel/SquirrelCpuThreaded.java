package org.flowscope.methods.squirrel;

import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * {@link Squirrel} with the lines of every Gaussian blur of the RSF search and of the final map spread over the CPU
 * device's pool. The blurs take nearly all the time (two per Brent evaluation, 30&ndash;40 evaluations) and each line is
 * computed by the same code as in {@link SquirrelCpu}, so the result is bit-identical; the agent weighs the speed-up
 * against the other work on the same pool.
 */
public final class SquirrelCpuThreaded implements Implementation<SquirrelParams, SquirrelInput, SquirrelResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("squirrel.cpu-threaded", Squirrel.class, Backend.CPU_THREADED, Precision.MIXED,
                "SQUIRREL error map, Gaussian blurs in parallel on the CPU pool");
    }

    @Override
    public SquirrelResult run(SquirrelParams params, SquirrelInput input, ExecutionContext context) {
        return SquirrelCpu.compute(params, input, CpuPools.of(context));
    }
}
