package org.flowscope.methods.decorr;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link Decorr} operation and its implementations (the reference first). */
public final class DecorrProvider implements MethodProvider<DecorrParams, ImageStack, DecorrResult> {
    @Override
    public Operation<DecorrParams, ImageStack, DecorrResult> operation() {
        return new Decorr();
    }

    @Override
    public java.util.Optional<org.flowscope.engine.spi.BenchmarkInputs<DecorrParams, ImageStack, DecorrResult>> benchmarks() {
        return java.util.Optional.of(new Decorr());
    }

    @Override
    public List<Class<? extends Implementation<DecorrParams, ImageStack, DecorrResult>>> implementations() {
        return List.of(DecorrCpu.class, DecorrCpuThreaded.class, DecorrOpenCl.class, DecorrCuda.class);
    }

    /** The live quality branch: decorrelation of each sampled reconstruction, with the FRC of its even/odd frames. */
    @Override
    public java.util.Optional<org.flowscope.methods.spi.LiveStage> liveStage() {
        return java.util.Optional.of(new org.flowscope.methods.quality.live.QualityStage());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new DecorrCommand());
    }
}
