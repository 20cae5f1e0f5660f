package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/**
 * The {@link EsrrfStream} operation and its implementations (the reference first). It shares eSRRF's package: its
 * implementations are eSRRF's tables and kernels fed one frame at a time. Its live stage is {@code live --op esrrf}.
 */
public final class EsrrfStreamProvider implements MethodProvider<EsrrfStreamParams, EsrrfStreamInput, ImageStack> {
    @Override
    public Operation<EsrrfStreamParams, EsrrfStreamInput, ImageStack> operation() {
        return new EsrrfStream();
    }

    @Override
    public List<Class<? extends Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>>> implementations() {
        return List.of(EsrrfStreamCpu.class, EsrrfStreamCpuThreaded.class,
                EsrrfStreamOpenCl.class, EsrrfStreamCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<EsrrfStreamParams, EsrrfStreamInput, ImageStack>> benchmarks() {
        return Optional.of(new EsrrfStream());
    }
}
