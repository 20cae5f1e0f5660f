package org.flowscope.methods.nlmfast;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/**
 * The {@link NlmFast} operation and its implementations (the reference first). No live stage, for the reasons given
 * on {@code NlmProvider}.
 */
public final class NlmFastProvider implements MethodProvider<NlmFastParams, ImageStack, ImageStack> {
    @Override
    public Operation<NlmFastParams, ImageStack, ImageStack> operation() {
        return new NlmFast();
    }

    @Override
    public List<Class<? extends Implementation<NlmFastParams, ImageStack, ImageStack>>> implementations() {
        return List.of(NlmFastCpu.class, NlmFastCpuThreaded.class, NlmFastOpenCl.class, NlmFastCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<NlmFastParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new NlmFast());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new NlmFastCommand());
    }
}
