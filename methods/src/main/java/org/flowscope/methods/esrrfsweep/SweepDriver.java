package org.flowscope.methods.esrrfsweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.quality.ImageChecks;

/**
 * Runs a sweep (the maths is in {@link EsrrfSweep}'s javadoc). For each frame count {@code n} the stack is cut into
 * {@code floor(F/n)} blocks of {@code n} consecutive frames (trailing frames that do not fill a block are left out and
 * reported, so every figure of a column describes reconstructions of exactly {@code n} frames); every combination of
 * radius and sensitivity is reconstructed and measured on every block, and the block figures are averaged. Only the
 * figures are kept, never the reconstructions, so memory does not grow with the number of combinations.
 */
public final class SweepDriver {
    /** Told after each combination (for progress lines). */
    public interface Progress {
        void done(int index, int total, SweepCell cell);
    }

    private SweepDriver() {
    }

    /** Runs the sweep of {@code p} on {@code stack} with {@code steps}; IllegalArgumentException for bad input. */
    public static SweepResult run(EsrrfSweepParams p, ImageStack stack, SweepSteps steps, Progress progress) {
        new EsrrfSweep().validate(p, stack);
        List<Integer> counts = p.frameCounts(stack.frames());
        int total = p.combinations(stack.frames());
        List<SweepCell> cells = new ArrayList<>(total);
        for (int n : counts) {
            int blocks = stack.frames() / n;
            List<ImageStack> raw = new ArrayList<>(blocks);
            List<ImageStack> means = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                ImageStack block = stack.frames(b * n, (b + 1) * n);
                raw.add(block);
                means.add(ImageChecks.meanOfFrames(block, 0, 1));
            }
            for (float s : p.sensitivities()) {
                for (float r : p.radii()) {
                    long t0 = System.nanoTime();
                    EsrrfParams e = p.esrrf().withRadius(r).withSensitivity(s);
                    List<BlockMetrics> measured = new ArrayList<>(blocks);
                    for (int b = 0; b < blocks; b++) {
                        BlockReconstructions rec = BlockReconstructions.of(steps, e, raw.get(b), p.resolution());
                        measured.add(BlockMetrics.measure(steps, rec, means.get(b), p.resolution()));
                    }
                    SweepCell cell = cell(r, s, n, measured, e.magnification(), (System.nanoTime() - t0) * 1e-9);
                    cells.add(cell);
                    if (progress != null) {
                        progress.done(cells.size() - 1, total, cell);
                    }
                }
            }
        }
        double[] resolution = cells.stream().mapToDouble(SweepCell::resolutionPx).toArray();
        double[] normalised = QnrScore.normalise(resolution);
        List<SweepCell> scored = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            scored.add(cells.get(i).scored(normalised[i]));
        }
        return new SweepResult(p.radii(), p.sensitivities(), counts, p.esrrf().magnification(), p.resolution(),
                p.pixelSizeNm(), scored, argMaxQnr(scored, 0, scored.size()));
    }

    private static SweepCell cell(float r, float s, int n, List<BlockMetrics> blocks, int magnification, double seconds) {
        Set<String> problems = new LinkedHashSet<>();
        int limited = 0;
        for (BlockMetrics b : blocks) {
            limited += b.atGridLimit() ? 1 : 0;
            if (b.problem() != null) {
                problems.add(b.problem());
            }
        }
        return new SweepCell(r, s, n, blocks.size(), nanMean(blocks, BlockMetrics::rsp), nanMean(blocks, BlockMetrics::rse),
                nanMean(blocks, BlockMetrics::rsfSigma), nanMean(blocks, BlockMetrics::resolutionPx) / magnification, limited,
                Double.NaN, Double.NaN, List.copyOf(problems), seconds);
    }

    /** Mean of the finite values (NumPy's nanmean); NaN when there are none. */
    private static double nanMean(List<BlockMetrics> blocks, java.util.function.ToDoubleFunction<BlockMetrics> f) {
        double sum = 0;
        int n = 0;
        for (BlockMetrics b : blocks) {
            double v = f.applyAsDouble(b);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Index of the highest finite QnR in {@code [from, to)}, the first one on ties; -1 when none is finite. */
    static int argMaxQnr(List<SweepCell> cells, int from, int to) {
        int best = -1;
        for (int i = from; i < to; i++) {
            double q = cells.get(i).qnr();
            if (Double.isFinite(q) && (best < 0 || q > cells.get(best).qnr())) {
                best = i;
            }
        }
        return best;
    }
}
