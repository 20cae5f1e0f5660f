package org.flowscope.methods.transform;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Transform} operation, its implementations (the reference first), benchmark cases and command. */
public final class TransformProvider implements MethodProvider<TransformParams, ImageStack, ImageStack> {
    @Override
    public Operation<TransformParams, ImageStack, ImageStack> operation() {
        return new Transform();
    }

    @Override
    public List<Class<? extends Implementation<TransformParams, ImageStack, ImageStack>>> implementations() {
        return List.of(TransformCpu.class, TransformCpuThreaded.class, TransformOpenCl.class, TransformCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<TransformParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Transform());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new TransformCommand());
    }
}
