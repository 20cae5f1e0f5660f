package org.flowscope.methods.crosscorrelation;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/** The {@link CrossCorrelation} operation and its implementations (the reference first). */
public final class CrossCorrelationProvider implements MethodProvider<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> {
    @Override
    public Operation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> operation() {
        return new CrossCorrelation();
    }

    @Override
    public List<Class<? extends Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult>>> implementations() {
        return List.of(CrossCorrelationCpu.class, CrossCorrelationCpuThreaded.class, CrossCorrelationOpenCl.class,
                CrossCorrelationCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult>> benchmarks() {
        return Optional.of(new CrossCorrelation());
    }
}
