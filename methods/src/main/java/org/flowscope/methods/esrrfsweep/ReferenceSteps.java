package org.flowscope.methods.esrrfsweep;

import java.util.Map;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.decorr.DecorrCpu;
import org.flowscope.methods.esrrf.EsrrfCpu;
import org.flowscope.methods.frc.FrcCpu;
import org.flowscope.methods.squirrel.SquirrelCpu;

/**
 * Runs every sub-operation with its plain-Java reference implementation (the one with backend CPU), on the CPU device
 * of {@code context}: what the sweep's own reference implementation ({@link EsrrfSweepCpu}) is made of.
 */
final class ReferenceSteps implements SweepSteps {
    private final Map<String, Implementation<?, ?, ?>> references = Map.of(
            "esrrf", new EsrrfCpu(), "squirrel", new SquirrelCpu(), "frc", new FrcCpu(), "decorr", new DecorrCpu());
    private final ExecutionContext context;

    ReferenceSteps(ExecutionContext context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <P, I, O> O run(Operation<P, I, O> op, P params, I input) {
        Implementation<P, I, O> impl = (Implementation<P, I, O>) references.get(op.id());
        if (impl == null) {
            throw new IllegalStateException("the sweep has no reference implementation for operation '" + op.id() + "'");
        }
        if (impl.info().operation() != op.getClass()) {
            throw new IllegalStateException(impl.info().id() + " does not compute " + op.getClass().getName());
        }
        op.validate(params, input);
        return impl.run(params, input, context);
    }
}
