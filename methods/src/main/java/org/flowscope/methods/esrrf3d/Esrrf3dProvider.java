package org.flowscope.methods.esrrf3d;

import java.util.List;
import java.util.Optional;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/**
 * The {@link Esrrf3d} operation and its implementations (the reference first), its benchmark inputs and
 * {@code process esrrf3d}. No live stage: a camera stream is a 2-D time series.
 */
public final class Esrrf3dProvider implements MethodProvider<Esrrf3dParams, VolumeStack, VolumeStack> {
    @Override
    public Operation<Esrrf3dParams, VolumeStack, VolumeStack> operation() {
        return new Esrrf3d();
    }

    @Override
    public List<Class<? extends Implementation<Esrrf3dParams, VolumeStack, VolumeStack>>> implementations() {
        return List.of(Esrrf3dCpu.class, Esrrf3dCpuThreaded.class, Esrrf3dOpenCl.class, Esrrf3dCuda.class);
    }

    @Override
    public Optional<BenchmarkInputs<Esrrf3dParams, VolumeStack, VolumeStack>> benchmarks() {
        return Optional.of(new Esrrf3d());
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new Esrrf3dCommand());
    }
}
