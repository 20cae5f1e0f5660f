package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.history.Sample;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment that decides the default detector: false delay flags on stationary Gaussian timings (no delay at
 * all), for both models fed the same sequences through a 100-sample window as the engine keeps it.
 */
class DelayDetectorComparisonTest {
    private static final Logger LOG = LoggerFactory.getLogger(DelayDetectorComparisonTest.class);
    private final DelayKey key = new DelayKey("conv2d", "conv2d.cuda", Keys.GPU);

    /** Fraction of runs flagged over {@code runs} stationary runs of mean 10 ms and relative jitter {@code cv}. */
    private double falseFlagRate(DelayModel model, double cv, long seed, int runs) {
        Random random = new Random(seed);
        List<Sample> window = new ArrayList<>();
        int flagged = 0;
        int judged = 0;
        for (int i = 0; i < runs; i++) {
            double t = 0.010 * (1 + cv * random.nextGaussian());
            boolean f = model.observe(key, t, List.copyOf(window));
            if (window.size() >= 20) {
                judged++;
                flagged += f ? 1 : 0;
            }
            window.add(new Sample(t, i, f));
            if (window.size() > 100) {
                window.remove(0);
            }
        }
        return (double) flagged / judged;
    }

    @Test
    void robustDetectorFlagsFewerThanHalfAPercentOfStationaryRunsWhereThePaperFlagsAboutFive() {
        for (double cv : new double[] {0.02, 0.05, 0.15}) {
            double robust = falseFlagRate(new RobustDelayModel(), cv, 11, 10_000);
            double paper = falseFlagRate(new PaperDelayModel(), cv, 11, 10_000);
            LOG.info("stationary Gaussian cv={}: false flags robust {} %, paper {} %", cv, 100 * robust, 100 * paper);
            assertTrue(robust < 0.005, "robust false-flag rate " + robust + " at cv " + cv);
            assertTrue(paper > 0.03 && paper < 0.08, "paper false-flag rate " + paper + " at cv " + cv + " (spec: about 5 %)");
        }
    }

    @Test
    void robustDetectorFlagsARealSlowdownAtOnceAndClearsAtTheFirstNormalRun() {
        RobustDelayModel m = new RobustDelayModel();
        Random random = new Random(5);
        List<Sample> window = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            window.add(new Sample(0.010 * (1 + 0.03 * random.nextGaussian()), i, false));
        }
        assertTrue(m.observe(key, 0.050, window));
        DelayState s = m.state(key);
        assertEquals(5.0, s.factor(), 0.3);
        assertEquals(0.8, s.probability(), 1e-12, "prior persistence with no earlier flagged run");
        window.add(new Sample(0.050, 50, true));
        assertTrue(m.observe(key, 0.052, window), "the delayed run does not become the new normal");
        assertEquals(2, m.state(key).flaggedRuns());
        assertTrue(m.state(key).probability() > 0.8);
        window.add(new Sample(0.052, 51, true));
        assertFalse(m.observe(key, 0.0101, window));
        assertFalse(m.state(key).delayed());
    }

    @Test
    void smallSlowdownsBelowTenPercentAreNotDelays() {
        RobustDelayModel m = new RobustDelayModel();
        List<Sample> constant = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            constant.add(new Sample(0.010, i, false));
        }
        assertFalse(m.observe(key, 0.0105, constant), "zero MAD must not flag a 5 % slower run");
        assertTrue(m.observe(key, 0.0115, constant));
    }
}
