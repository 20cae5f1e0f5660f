package org.flowscope.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.drift.DriftEstimator;
import org.flowscope.methods.drift.DriftParams;
import org.flowscope.methods.drift.DriftTable;

/**
 * The drift stage of one acquisition ({@code batch --drift}), on the driver: reads the first block (the reference,
 * broadcast to the executors), runs the blocks' cross-correlations as one Spark job of {@link DriftTask}s, and makes
 * the per-frame table from the block values with {@link DriftEstimator#fromBlocks} — the table
 * {@code process drift-estimate --reference first --time-averaging EVERY} writes for the same file.
 */
final class AcquisitionDrift {
    /**
     * The outcome.
     *
     * @param table  the per-frame drift
     * @param blocks each measured block, as the run.json {@code drift} section (and the report's drift plot) lists it
     * @param calls  the engine calls of the stage
     */
    record Estimate(DriftTable table, List<Block> blocks, List<EngineCall> calls) {
    }

    /**
     * One block of {@code every} frames: where it sits and how far the sample had moved.
     *
     * @param centreFrame the block's mean frame index (the spline's knot)
     * @param similarity  the correlation peak's height (1 for the reference block)
     */
    public record Block(int block, double centreFrame, @JsonProperty("dx_px") double dxPx, @JsonProperty("dy_px") double dyPx,
            double similarity, boolean measured) {
    }

    private AcquisitionDrift() {
    }

    /**
     * Estimates the drift of {@code input} ({@code frames} frames); each task reads about {@code framesPerTask} frames.
     */
    static Estimate estimate(JavaSparkContext spark, Path input, int frames, double pixelSizeNm, DriftSettings drift,
            EngineSettings engine, int framesPerTask) {
        int every = drift.every();
        DriftParams params = drift.estimation(pixelSizeNm);
        int blocks = (frames + every - 1) / every;
        if (blocks < 2) {
            throw new IllegalArgumentException("--drift measures blocks of --drift-every " + every + " frames against the "
                    + "first; " + input + " has " + frames + " frames, fewer than 2 blocks");
        }
        List<TimeBlocks.Block> chunks = TimeBlocks.plan(frames, every, every, Math.max(1, framesPerTask / every));
        ImageStack first = BlockTask.read(input, new TimeBlocks.Block(0, 0, 1, 0, Math.min(frames, every)));
        ImageStack mean = DriftEstimator.blockMeans(first, every, 1);
        Broadcast<DriftTask.Reference> reference = spark.broadcast(
                new DriftTask.Reference(mean.height(), mean.width(), mean.data()));
        List<DriftTask.Result> results;
        try {
            results = new ArrayList<>(spark.parallelize(chunks, chunks.size())
                    .map(new DriftTask(input, reference, drift, engine)).collect());
        } finally {
            reference.destroy();
        }
        results.sort(Comparator.comparingInt(DriftTask.Result::firstBlock));
        double[] bx = new double[blocks];
        double[] by = new double[blocks];
        double[] peak = new double[blocks];
        int next = 0;
        List<EngineCall> calls = new ArrayList<>();
        for (DriftTask.Result r : results) {
            if (r.firstBlock() != next) {
                throw new IllegalStateException("drift tasks of " + input + " do not tile the blocks: expected block "
                        + next + ", got " + r.firstBlock());
            }
            System.arraycopy(r.dx(), 0, bx, next, r.dx().length);
            System.arraycopy(r.dy(), 0, by, next, r.dy().length);
            System.arraycopy(r.peak(), 0, peak, next, r.peak().length);
            next += r.dx().length;
            calls.addAll(r.calls());
        }
        if (next != blocks) {
            throw new IllegalStateException("drift tasks of " + input + " measured " + next + " of " + blocks + " blocks");
        }
        DriftTable table = DriftEstimator.fromBlocks(frames, params, bx, by);
        List<Block> listed = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = b * every;
            int to = Math.min(frames, from + every);
            listed.add(new Block(b, (from + to - 1) / 2.0, bx[b], by[b], peak[b], b > 0));
        }
        return new Estimate(table, listed, calls);
    }
}
