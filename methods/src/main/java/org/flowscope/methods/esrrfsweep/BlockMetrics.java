package org.flowscope.methods.esrrfsweep;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;
import org.flowscope.methods.squirrel.Squirrel;
import org.flowscope.methods.squirrel.SquirrelInput;
import org.flowscope.methods.squirrel.SquirrelParams;
import org.flowscope.methods.squirrel.SquirrelResult;

/**
 * The figures of one block: SQUIRREL's RSP (and RSE, RSF sigma) of the reconstruction against the block's temporal
 * mean, and the resolution of the reconstruction in SR pixels. A figure that cannot be measured is NaN and
 * {@code problem} says why (a constant reconstruction, no decorrelation peak).
 *
 * <p>An FRC curve that stays above 1/7 up to the last ring means the two halves agree at every frequency the SR grid
 * can hold: the resolution is finer than the grid shows. The block then gets the grid's limit, {@link #GRID_LIMIT_PX}
 * (Nyquist: two SR pixels), flagged by {@code atGridLimit}, rather than NaN (which would drop the sharpest
 * combinations from the ranking) or NanoPyx's 0 (which ranks them above everything that can be measured).
 *
 * @param rsp          resolution-scaled Pearson coefficient
 * @param rse          resolution-scaled error, in the input's intensity units
 * @param rsfSigma     RSF sigma in SR pixels
 * @param resolutionPx resolution in SR pixels
 * @param atGridLimit  whether {@code resolutionPx} is the grid's limit because the FRC never crossed 1/7
 * @param problem      why a figure is NaN, or null
 */
record BlockMetrics(double rsp, double rse, double rsfSigma, double resolutionPx, boolean atGridLimit, String problem) {
    /** The finest resolution an SR grid can show, in SR pixels (Nyquist). */
    static final double GRID_LIMIT_PX = 2;

    private static final Squirrel SQUIRREL = new Squirrel();
    private static final Frc FRC = new Frc();
    private static final Decorr DECORR = new Decorr();

    static BlockMetrics measure(SweepSteps steps, BlockReconstructions rec, ImageStack reference, ResolutionMetric metric) {
        String problem = null;
        double rsp = Double.NaN;
        double rse = Double.NaN;
        double sigma = Double.NaN;
        String fullProblem = unmeasurable("reconstruction", rec.full());
        String referenceProblem = fullProblem != null ? fullProblem : unmeasurable("temporal mean of the block", reference);
        if (referenceProblem == null) {
            SquirrelResult s = steps.run(SQUIRREL, SquirrelParams.defaults(), new SquirrelInput(rec.full(), reference));
            rsp = s.rsp();
            rse = s.rse();
            sigma = s.sigma();
        } else {
            problem = referenceProblem;
        }
        double resolution = Double.NaN;
        boolean limit = false;
        if (metric == ResolutionMetric.FRC) {
            String halves = unmeasurable("even-frame reconstruction", rec.even());
            halves = halves != null ? halves : unmeasurable("odd-frame reconstruction", rec.odd());
            if (halves == null) {
                FrcResult f = steps.run(FRC, FrcParams.defaults(), new FrcInput(rec.even(), rec.odd()));
                limit = !f.crossed();
                resolution = limit ? GRID_LIMIT_PX : f.resolutionPx();
            }
            problem = join(problem, halves);
        } else if (fullProblem == null) {
            DecorrResult d = steps.run(DECORR, DecorrParams.defaults(), rec.full());
            resolution = d.resolutionPx();
            problem = Double.isFinite(resolution) ? problem : join(problem, "no decorrelation peak");
        }
        return new BlockMetrics(rsp, rse, sigma, resolution, limit, problem);
    }

    /** Why {@code image} has nothing to measure (non-finite or constant pixels), or null. */
    static String unmeasurable(String name, ImageStack image) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : image.data()) {
            if (!Float.isFinite(v)) {
                return name + " has non-finite pixels";
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min == max ? name + " is constant (" + min + ")" : null;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
