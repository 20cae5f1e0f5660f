package org.flowscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelation;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;
import org.flowscope.methods.drift.DriftEstimator;
import org.flowscope.methods.drift.DriftParams;

/**
 * One task of the drift stage: reads a run of whole drift blocks of an acquisition, averages each block as
 * {@link DriftEstimator} does and cross-correlates the block means with the first block's mean (broadcast once to every
 * executor) through the executor's engine. Block 0 is the reference and is not measured, as in
 * {@link DriftEstimator#estimate} with the first block as reference; the driver turns the block values into the
 * per-frame table with {@link DriftEstimator#fromBlocks}, so the table is drift-estimate's.
 */
final class DriftTask implements Function<TimeBlocks.Block, DriftTask.Result> {
    private static final long serialVersionUID = 1L;

    /**
     * The drift of blocks {@code [firstBlock, firstBlock + dx.length)}; {@code peak} is the correlation peak's height.
     */
    record Result(int firstBlock, double[] dx, double[] dy, double[] peak, List<EngineCall> calls)
            implements Serializable {
    }

    /** The reference image: the first block's mean, one frame. */
    record Reference(int height, int width, float[] data) implements Serializable {
        ImageStack stack() {
            return new ImageStack(1, height, width, data);
        }
    }

    private final String input;
    private final Broadcast<Reference> reference;
    private final DriftSettings drift;
    private final EngineSettings engine;

    DriftTask(Path input, Broadcast<Reference> reference, DriftSettings drift, EngineSettings engine) {
        this.input = input.toString();
        this.reference = reference;
        this.drift = drift;
        this.engine = engine;
    }

    @Override
    public Result call(TimeBlocks.Block chunk) {
        ImageStack frames = BlockTask.read(Path.of(input), chunk);
        ImageStack means = DriftEstimator.blockMeans(frames, drift.every(), chunk.windows());
        int n = chunk.windows();
        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] peak = new double[n];
        // block 0 is the reference itself: drift 0, as drift-estimate leaves it
        int skip = chunk.firstWindow() == 0 ? 1 : 0;
        if (skip == 1) {
            peak[0] = 1;
        }
        if (n > skip) {
            DriftParams params = drift.estimation(0);
            Engine e = ExecutorEngines.get(engine);
            Execution<CrossCorrelationResult> ex = e.execute(new CrossCorrelation(), params.ccmParams(),
                    new CrossCorrelationInput(means.frames(skip, n), reference.value().stack()),
                    engine.selection(CrossCorrelation.ID));
            for (int b = skip; b < n; b++) {
                CcmPeak p = ex.output().peaks().get(b - skip);
                dx[b] = p.dx();
                dy[b] = p.dy();
                peak[b] = p.value();
            }
            return new Result(chunk.firstWindow(), dx, dy, peak, List.of(EngineCall.of(CrossCorrelation.ID, ex)));
        }
        return new Result(chunk.firstWindow(), dx, dy, peak, List.of());
    }
}
