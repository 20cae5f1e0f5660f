package org.flowscope.methods.magnify;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Magnify} operation, its implementations (the reference first), benchmark cases and command. */
public final class MagnifyProvider implements MethodProvider<MagnifyParams, ImageStack, ImageStack> {
    @Override
    public Operation<MagnifyParams, ImageStack, ImageStack> operation() {
        return new Magnify();
    }

    @Override
    public List<Class<? extends Implementation<MagnifyParams, ImageStack, ImageStack>>> implementations() {
        return List.of(MagnifyCpu.class, MagnifyCpuThreaded.class, MagnifyOpenCl.class, MagnifyCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<MagnifyParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Magnify());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new MagnifyCommand());
    }
}
