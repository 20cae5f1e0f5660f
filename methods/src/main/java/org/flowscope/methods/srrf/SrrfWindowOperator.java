package org.flowscope.methods.srrf;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.spi.WindowTally;

/**
 * The live SRRF stage: one super-resolved frame {@code (1, H M, W M)} per window, the window being one time point.
 * The engine chooses the implementation for every window (and learns from the times) unless the command line narrows
 * the choice. The engine belongs to the caller, which closes it. Called on one analysis thread; the progress fields
 * read volatile fields and atomics.
 */
public final class SrrfWindowOperator implements WindowOperator, RunContributor {
    private final Engine engine;
    private final SrrfParams params;
    private final RunOptions options;
    private final WindowTally tally = new WindowTally("srrf");

    /**
     * The {@code srrf} section of run.json: the parameters, the windows and where they ran.
     *
     * @param windows windows, their mean time and implementations (flattened)
     */
    public record Section(int magnification, float ringRadius, int border, String temporal, boolean positivityConstraint,
                          boolean intensityWeighting, boolean macroPixelCorrection, String geometry,
                          @JsonUnwrapped WindowTally.Stats windows) {
    }

    /**
     * @param engine  the engine that runs every window (not closed by this stage)
     * @param params  SRRF parameters; frames per time point is ignored (a window is one time point)
     * @param options implementation choice ({@code RunOptions.auto()} or a forced backend)
     * @param window  frames per window: a cumulant needs enough of them ({@link Temporal#minimumFrames})
     */
    public SrrfWindowOperator(Engine engine, SrrfParams params, RunOptions options, int window) {
        this.engine = engine;
        this.params = params.withFramesPerTimePoint(0);
        this.options = options;
        int needed = params.temporal().minimumFrames(params.geometry());
        if (window < needed) {
            throw new IllegalArgumentException("SRRF " + params.temporal() + " needs windows of at least " + needed
                    + " frames, got --window " + window);
        }
    }

    @Override
    public String name() {
        return "srrf";
    }

    /** The magnification: each result pixel is 1/M of an input pixel. */
    @Override
    public double outputScale() {
        return params.magnification();
    }

    @Override
    public String section() {
        return "srrf";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        long t0 = System.nanoTime();
        Execution<ImageStack> ex = engine.execute(new Srrf(), params, window, options);
        tally.record(ex.decision().choice().implementation(), System.nanoTime() - t0);
        return ex.output();
    }

    @Override
    public Map<String, String> progressFields() {
        return tally.progressFields();
    }

    @Override
    public Section runJsonSection() {
        return new Section(params.magnification(), params.ringRadius(), params.border(), params.temporal().name(),
                params.positivityConstraint(), params.intensityWeighting(), params.macroPixelCorrection(),
                params.geometry().name(), tally.stats(options.toString()));
    }
}
