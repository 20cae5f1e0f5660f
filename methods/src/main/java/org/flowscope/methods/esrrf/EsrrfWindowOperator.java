package org.flowscope.methods.esrrf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.methods.spi.WindowTally;

/**
 * The live eSRRF stage: one super-resolved frame {@code (1, H M, W M)} per window.
 *
 * <p>By default the engine chooses the implementation for every window (and learns from the times). When the
 * threaded CPU backend is forced and windows overlap ({@code step < window}), the stage instead keeps the running
 * sums of blocks of {@code gcd(window, step)} frames ({@link EsrrfSlidingWindow}) and computes only the frames a
 * window adds. The engine belongs to the caller, which closes it. Called on one analysis thread; the progress
 * fields read atomics.
 */
public final class EsrrfWindowOperator implements WindowOperator, RunContributor {
    private final Engine engine;
    private final EsrrfParams params;
    private final RunOptions options;
    private final EsrrfSlidingWindow sliding;
    private final WindowTally tally = new WindowTally("esrrf");

    /**
     * The {@code esrrf} section of run.json: the parameters, the windows and where they ran, and with the sliding
     * window the blocks computed and reused.
     *
     * @param windows        windows, their mean time and implementations (flattened)
     * @param blocksComputed sliding window only: blocks of frames computed
     * @param blocksReused   sliding window only: blocks reused from the previous window
     */
    public record Section(int magnification, float radius, float sensitivity, String temporal, boolean intensityWeighting,
                          boolean macroPixelCorrection, String geometry, @JsonUnwrapped WindowTally.Stats windows,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long blocksComputed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long blocksReused) {
    }

    /**
     * @param engine  the engine that runs every window (not closed by this stage)
     * @param params  eSRRF parameters; frames per time point is ignored (a window is one time point)
     * @param options implementation choice ({@code RunOptions.auto()} or a forced backend)
     * @param window  frames per window
     * @param step    frames between window starts
     */
    public EsrrfWindowOperator(Engine engine, EsrrfParams params, RunOptions options, int window, int step) {
        this.engine = engine;
        this.params = params.withFramesPerTimePoint(0);
        this.options = options;
        boolean cpuOnly = options.backendFilter().filter(b -> b == Backend.CPU_THREADED).isPresent()
                || options.deviceKindFilter().filter(k -> k == org.flowscope.engine.spi.DeviceKind.CPU).isPresent();
        CpuDevice cpu = engine.devices(org.flowscope.engine.spi.DeviceKind.CPU).stream().filter(CpuDevice.class::isInstance)
                .map(CpuDevice.class::cast).findFirst().orElse(null);
        if (cpuOnly && step > 0 && step < window && cpu != null) {
            this.sliding = new EsrrfSlidingWindow(this.params, EsrrfSlidingWindow.blockLength(window, step),
                    (p, block) -> {
                        int m = p.magnification();
                        TemporalAccumulator acc = new TemporalAccumulator(p.temporal(), block.frameSize() * m * m);
                        EsrrfCpuThreaded.accumulate(p, block, acc, cpu.pool());
                        return acc;
                    });
        } else {
            this.sliding = null;
        }
    }

    @Override
    public String name() {
        return "esrrf";
    }

    /** The magnification: each result pixel is 1/M of an input pixel (the result's pixel size and truth image). */
    @Override
    public double outputScale() {
        return params.magnification();
    }

    @Override
    public String section() {
        return "esrrf";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        long t0 = System.nanoTime();
        ImageStack out;
        String impl;
        if (sliding != null) {
            out = sliding.apply(window, context.firstSequence());
            impl = "esrrf.cpu-threaded (sliding)";
        } else {
            Execution<ImageStack> ex = engine.execute(new Esrrf(), params, window, options);
            out = ex.output();
            impl = ex.decision().choice().implementation();
        }
        tally.record(impl, System.nanoTime() - t0);
        return out;
    }

    @Override
    public Map<String, String> progressFields() {
        return tally.progressFields();
    }

    @Override
    public Section runJsonSection() {
        return new Section(params.magnification(), params.radius(), params.sensitivity(), params.temporal().name(),
                params.intensityWeighting(), params.macroPixelCorrection(), params.geometry().name(),
                tally.stats(options.toString()), sliding == null ? null : sliding.computedBlocks(),
                sliding == null ? null : sliding.reusedBlocks());
    }
}
