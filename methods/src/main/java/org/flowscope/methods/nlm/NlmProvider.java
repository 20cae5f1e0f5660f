package org.flowscope.methods.nlm;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/**
 * The {@link Nlm} operation and its implementations (the reference first). No live stage: denoising single frames
 * before an SRRF-family operator would remove the fluctuations it measures, and the reconstruction is denoised
 * offline with {@code process nlm}.
 */
public final class NlmProvider implements MethodProvider<NlmParams, ImageStack, ImageStack> {
    @Override
    public Operation<NlmParams, ImageStack, ImageStack> operation() {
        return new Nlm();
    }

    @Override
    public List<Class<? extends Implementation<NlmParams, ImageStack, ImageStack>>> implementations() {
        return List.of(NlmCpu.class, NlmCpuThreaded.class, NlmOpenCl.class, NlmCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<NlmParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Nlm());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new NlmCommand());
    }
}
