package org.flowscope.methods.esrrfsweep;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/**
 * The {@link EsrrfSweep} operation, its reference implementation and {@code process esrrf-sweep}. The sweep is a
 * composite of other operations; it is declared as an operation of its own so that it has a package, a provider and a
 * command like every other, and so that its reference ({@link EsrrfSweepCpu}) can hold the engine-driven sweep to the
 * plain-Java numbers. No live stage: a sweep is an offline choice of parameters before a live run.
 */
public final class EsrrfSweepProvider implements MethodProvider<EsrrfSweepParams, ImageStack, SweepResult> {
    @Override
    public Operation<EsrrfSweepParams, ImageStack, SweepResult> operation() {
        return new EsrrfSweep();
    }

    @Override
    public List<Class<? extends Implementation<EsrrfSweepParams, ImageStack, SweepResult>>> implementations() {
        return List.of(EsrrfSweepCpu.class);
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new EsrrfSweepCommand());
    }
}
