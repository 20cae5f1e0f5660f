package org.flowscope.methods.drift;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** The {@link DriftCorrection} operation and its implementations (the reference first). */
public final class DriftCorrectionProvider implements MethodProvider<DriftCorrectionParams, DriftCorrectionInput, ImageStack> {
    @Override
    public Operation<DriftCorrectionParams, DriftCorrectionInput, ImageStack> operation() {
        return new DriftCorrection();
    }

    @Override
    public List<Class<? extends Implementation<DriftCorrectionParams, DriftCorrectionInput, ImageStack>>> implementations() {
        return List.of(DriftCorrectionCpu.class, DriftCorrectionCpuThreaded.class);
    }

    @Override
    public Optional<BenchmarkInputs<DriftCorrectionParams, DriftCorrectionInput, ImageStack>> benchmarks() {
        return Optional.of(new DriftCorrection());
    }

    @Override
    public Optional<LiveStage> liveStage() {
        return Optional.of(new DriftLiveStage());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new DriftEstimateCommand(), new DriftApplyCommand());
    }
}
