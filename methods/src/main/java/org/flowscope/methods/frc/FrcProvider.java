package org.flowscope.methods.frc;

import java.util.List;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Frc} operation and its implementations (the reference first). */
public final class FrcProvider implements MethodProvider<FrcParams, FrcInput, FrcResult> {
    @Override
    public Operation<FrcParams, FrcInput, FrcResult> operation() {
        return new Frc();
    }

    @Override
    public java.util.Optional<org.flowscope.engine.spi.BenchmarkInputs<FrcParams, FrcInput, FrcResult>> benchmarks() {
        return java.util.Optional.of(new Frc());
    }

    @Override
    public List<Class<? extends Implementation<FrcParams, FrcInput, FrcResult>>> implementations() {
        return List.of(FrcCpu.class, FrcOpenCl.class, FrcCuda.class);
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new FrcCommand());
    }
}
