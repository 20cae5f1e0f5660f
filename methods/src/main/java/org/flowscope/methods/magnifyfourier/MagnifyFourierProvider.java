package org.flowscope.methods.magnifyfourier;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/**
 * The {@link MagnifyFourier} operation and its implementations (the reference first). Its command is
 * {@code process magnify --interpolator fourier} (the magnify package's command routes there).
 */
public final class MagnifyFourierProvider implements MethodProvider<MagnifyFourierParams, ImageStack, ImageStack> {
    @Override
    public Operation<MagnifyFourierParams, ImageStack, ImageStack> operation() {
        return new MagnifyFourier();
    }

    @Override
    public List<Class<? extends Implementation<MagnifyFourierParams, ImageStack, ImageStack>>> implementations() {
        return List.of(MagnifyFourierCpu.class, MagnifyFourierCpuThreaded.class, MagnifyFourierOpenCl.class,
                MagnifyFourierCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<MagnifyFourierParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new MagnifyFourier());
    }
}
