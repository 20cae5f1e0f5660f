package org.flowscope.methods.srrf;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Srrf} operation and its implementations (the reference first). */
public final class SrrfProvider implements MethodProvider<SrrfParams, ImageStack, ImageStack> {
    @Override
    public Operation<SrrfParams, ImageStack, ImageStack> operation() {
        return new Srrf();
    }

    @Override
    public List<Class<? extends Implementation<SrrfParams, ImageStack, ImageStack>>> implementations() {
        return List.of(SrrfCpu.class, SrrfCpuThreaded.class, SrrfOpenCl.class, SrrfCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<SrrfParams, ImageStack, ImageStack>> benchmarks() {
        return Optional.of(new Srrf());
    }

    @Override
    public Optional<LiveStage> liveStage() {
        return Optional.of(new SrrfStage());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new SrrfCommand());
    }
}
