package org.flowscope.methods.conv2d;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Conv2d} operation and its implementations (the reference first). */
public final class Conv2dProvider implements MethodProvider<Conv2dParams, ImageStack, ImageStack> {
    @Override
    public Operation<Conv2dParams, ImageStack, ImageStack> operation() {
        return new Conv2d();
    }

    @Override
    public List<Class<? extends Implementation<Conv2dParams, ImageStack, ImageStack>>> implementations() {
        return List.of(Conv2dCpu.class, Conv2dCpuThreaded.class, Conv2dOpenCl.class, Conv2dCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<Conv2dParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Conv2d());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new Conv2dCommand());
    }
}
