package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.junit.jupiter.api.Test;

/**
 * The sweep on seeded blinking emitters of known PSF: 120 emitters on 40 x 40 px, each on in 20 % of 50 frames,
 * 200-400 photons on a background of 50 (noise-limited FRC), x4, radii 1-4 px, sensitivities 1 and 2.
 *
 * <p>What can make it fail, and why that would be a real regression rather than bad luck: the radius is eSRRF's PSF
 * FWHM, so a radius far from the true FWHM either under-samples the gradient field (too small: convergence from a
 * single ring of noisy samples) or blurs neighbouring emitters together (too large); both cost FRC resolution, which
 * dominates QnR once it is spread over [0.075, 0.925] by the logistic. The relation is statistical: on other seeds or
 * scenes neighbouring radii can trade places (the test checks one step of slack), and with too few emitters or too
 * little noise the FRC of the halves never crosses 1/7 and every combination ties at the grid limit (then the
 * "best" is the first combination and the radius assertion may fail for that reason, not because of the sweep).
 */
class SweepOnBlinkingEmittersTest {
    private static final List<Float> RADII = List.of(1f, 2f, 3f, 4f);

    private static SweepResult sweep(Engine engine, double fwhm) {
        ImageStack stack = BlinkingEmitters.stack(50, 40, fwhm, 120, 0.2, 200, 50, 1);
        EsrrfSweepParams p = new EsrrfSweepParams(RADII, List.of(1f, 2f), List.of(), EsrrfParams.defaults().withMagnification(4),
                ResolutionMetric.FRC, Double.NaN);
        return SweepDriver.run(p, stack, new EngineSteps(engine, RunOptions.auto()), null);
    }

    @Test
    void theBestRadiusIsWithinOneStepOfThePsfWidthAndGrowsWithIt() {
        try (Engine engine = Engine.create(EngineConfig.inMemory().withOpenCl(false).withCuda(false))) {
            SweepCell narrow = sweep(engine, 2).bestCell().orElseThrow();
            SweepCell wide = sweep(engine, 4).bestCell().orElseThrow();
            assertTrue(Math.abs(narrow.radius() - 2) <= 1, "FWHM 2 px: best " + narrow);
            assertTrue(Math.abs(wide.radius() - 4) <= 1, "FWHM 4 px: best " + wide);
            assertTrue(wide.radius() > narrow.radius(), "best radius " + wide.radius() + " for FWHM 4 px, "
                    + narrow.radius() + " for FWHM 2 px");
            assertTrue(wide.resolutionPx() > narrow.resolutionPx(), "a wider PSF is resolved worse: " + wide + " vs " + narrow);
        }
    }

    @Test
    void everyCombinationIsMeasuredOnEveryFullBlockAndTheBestHasTheHighestQnr() {
        try (Engine engine = Engine.create(EngineConfig.inMemory().withOpenCl(false).withCuda(false))) {
            ImageStack stack = BlinkingEmitters.stack(25, 24, 3, 40, 0.2, 200, 50, 2);
            EsrrfSweepParams p = new EsrrfSweepParams(List.of(1.5f, 3f), List.of(1f), List.of(6, 12),
                    EsrrfParams.defaults().withMagnification(3), ResolutionMetric.FRC, Double.NaN);
            SweepResult r = SweepDriver.run(p, stack, new EngineSteps(engine, RunOptions.auto()), null);
            assertEquals(4, r.cells().size());
            assertEquals(4, r.cell(0, 0, 0).blocks()); // 25 frames: 4 blocks of 6, one frame left out
            assertEquals(2, r.cell(1, 0, 1).blocks()); // 2 blocks of 12
            double best = r.cells().get(r.best()).qnr();
            for (SweepCell c : r.cells()) {
                assertTrue(Double.isFinite(c.rsp()) && Double.isFinite(c.resolutionPx()), c.toString());
                assertTrue(c.qnr() <= best, c + " beats the best " + best);
            }
            assertEquals(r.best(), SweepDriver.argMaxQnr(r.cells(), 0, 4));
        }
    }
}
