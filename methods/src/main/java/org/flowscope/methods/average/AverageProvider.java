package org.flowscope.methods.average;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The temporal mean: {@code process average} and {@code live --op average}. */
public final class AverageProvider implements MethodProvider<AverageParams, ImageStack, ImageStack> {
    @Override
    public Operation<AverageParams, ImageStack, ImageStack> operation() {
        return new Average();
    }

    @Override
    public List<Class<? extends Implementation<AverageParams, ImageStack, ImageStack>>> implementations() {
        return List.of(AverageCpu.class);
    }

    @Override
    public Optional<LiveStage> liveStage() {
        return Optional.of(new AverageStage());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new AverageCommand());
    }
}
