package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flowscope.simulators.sample.SampleParams;
import org.junit.jupiter.api.Test;

/** The fast planner against the plain sequential walk of the same stream, band by band, over many frames. */
class NoisePlannerTest {
    private static void assertPlansMatch(SimulationParams p, int frames) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Simulation sim = new Simulation(p);
            SplitMix stream = sim.noiseStream();
            long origin = stream.state();
            long gamma = stream.gamma();
            long inverse = SplitMix.inverse(gamma);
            NoisePrescan prescan = new NoisePrescan(sim.noise(), origin, gamma, pool);
            NoisePlanner planner = new NoisePlanner(sim.noise(), prescan, origin, gamma);
            int w = p.camera().width();
            int n = w * p.camera().height();
            double[] lambda = new double[n];
            long q = 0;
            long state = origin;
            for (int f = 0; f < frames; f++) {
                Simulation.FramePlan plan = sim.plan();
                sim.expected(plan, new PsfRenderer.Footprint[plan.on().length], lambda, 0, p.camera().height());
                for (int from = 0; from < n; from += 7 * w) { // bands of 7 rows
                    BandNoise band = new BandNoise(from, Math.min(n, from + 7 * w));
                    band.classify(lambda, sim.noise().backgroundLambda());
                    q = planner.plan(lambda, band, q);
                    state = sim.noise().advance(lambda, band.from(), band.to(), state, gamma);
                    assertEquals((state - origin) * inverse, q, "frame " + f + ", band at pixel " + from);
                }
                sim.delivered(plan);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void plansWhereTheSequentialWalkGoesWithReadNoise() {
        assertPlansMatch(ParallelRenderingTest.DRIFTING.withFrames(30), 30);
        assertPlansMatch(ParallelRenderingTest.BRIGHT.withFrames(30), 30);
    }

    @Test
    void plansWhereTheSequentialWalkGoesWithoutReadNoiseAndWithFaintEmitters() {
        assertPlansMatch(ParallelRenderingTest.NOISELESS_READ.withFrames(30), 30);
        SimulationParams faint = ParallelRenderingTest.DEFAULTS.withSample(SampleParams.defaults().withPhotons(30).withBackground(12));
        assertPlansMatch(faint.withFrames(30), 30);
    }
}
