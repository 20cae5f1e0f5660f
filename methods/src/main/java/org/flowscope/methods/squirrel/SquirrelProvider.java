package org.flowscope.methods.squirrel;

import java.util.List;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Squirrel} operation and its implementations (the reference first). */
public final class SquirrelProvider implements MethodProvider<SquirrelParams, SquirrelInput, SquirrelResult> {
    @Override
    public Operation<SquirrelParams, SquirrelInput, SquirrelResult> operation() {
        return new Squirrel();
    }

    @Override
    public List<Class<? extends Implementation<SquirrelParams, SquirrelInput, SquirrelResult>>> implementations() {
        return List.of(SquirrelCpu.class, SquirrelCpuThreaded.class);
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new SquirrelCommand());
    }
}
