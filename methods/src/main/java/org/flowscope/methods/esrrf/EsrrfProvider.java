package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Esrrf} operation and its implementations (the reference first). */
public final class EsrrfProvider implements MethodProvider<EsrrfParams, ImageStack, ImageStack> {
    @Override
    public Operation<EsrrfParams, ImageStack, ImageStack> operation() {
        return new Esrrf();
    }

    @Override
    public List<Class<? extends Implementation<EsrrfParams, ImageStack, ImageStack>>> implementations() {
        return List.of(EsrrfCpu.class, EsrrfCpuThreaded.class, EsrrfOpenCl.class, EsrrfCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<EsrrfParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Esrrf());
    }

    @Override
    public Optional<LiveStage> liveStage() {
        return Optional.of(new EsrrfStage());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new EsrrfCommand());
    }
}
