package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowscope.simulators.sample.SampleParams;
import org.junit.jupiter.api.Test;

/** {@link NoiseStreams#BANDED}: the same frames on any number of threads, with the sequential noise's statistics. */
class BandedNoiseTest {
    /** 300 px wide: 54 rows per band, so 130 rows are three bands; drifting, so footprints are computed per frame. */
    private static final SimulationParams BANDED = new SimulationParams(new CameraParams(300, 130, 100, 16, 100, 1.0, 1.5, 100),
            SampleParams.defaults(), new DriftParams(0.02, 0.01, 0.005), 6, 11, NoiseStreams.BANDED);

    private static List<int[]> rendered(SimulationParams p, int threads) throws Exception {
        List<int[]> frames = new ArrayList<>();
        try (FrameRenderer r = new FrameRenderer(new Simulation(p), FrameRenderer.Output.INT, threads)) {
            while (r.hasNext()) {
                frames.add(r.next().ints().clone());
            }
        }
        return frames;
    }

    private static List<int[]> sequential(SimulationParams p) {
        Simulation sim = new Simulation(p);
        List<int[]> frames = new ArrayList<>();
        while (sim.hasNext()) {
            int[] adu = new int[p.camera().width() * p.camera().height()];
            sim.next(adu);
            frames.add(adu);
        }
        return frames;
    }

    @Test
    void bandedFramesAreTheSameFromTheSimulationAndOnAnyNumberOfRenderThreads() throws Exception {
        List<int[]> expected = sequential(BANDED);
        for (int threads : new int[] {1, 2, 3, 5}) {
            List<int[]> got = rendered(BANDED, threads);
            assertEquals(expected.size(), got.size());
            for (int f = 0; f < got.size(); f++) {
                assertArrayEquals(expected.get(f), got.get(f), threads + " threads, frame " + f);
            }
        }
    }

    @Test
    void bandedNoiseDiffersFromTheSequentialStreamButNotInItsStatistics() {
        SimulationParams seq = BANDED.withNoise(NoiseStreams.SEQUENTIAL).withFrames(20);
        List<int[]> a = sequential(seq);
        List<int[]> b = sequential(seq.withNoise(NoiseStreams.BANDED));
        assertFalse(Arrays.equals(a.get(0), b.get(0)), "banded streams give other frames");
        double[] sa = moments(a);
        double[] sb = moments(b);
        // 780,000 pixels: the means of the two agree to far better than 0.5 %, the variances to 3 %
        assertEquals(sa[0], sb[0], 0.005 * sa[0], "mean ADU");
        assertEquals(sa[1], sb[1], 0.03 * sa[1], "variance of the ADU");
    }

    @Test
    void theBandsOfAFrameAndTheFramesDrawFromDifferentStreams() {
        Simulation sim = new Simulation(BANDED);
        long[] firstDraws = {sim.bandStream(0, 0).nextLong(), sim.bandStream(0, 1).nextLong(), sim.bandStream(1, 0).nextLong(),
            new Simulation(BANDED.withSeed(12)).bandStream(0, 0).nextLong()};
        assertEquals(4, Arrays.stream(firstDraws).distinct().count(), Arrays.toString(firstDraws));
        assertEquals(firstDraws[0], new Simulation(BANDED).bandStream(0, 0).nextLong(), "the same seed, the same stream");
    }

    @Test
    void anUnknownNoiseStreamNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoiseStreams.parse("parallel"));
        assertEquals("noise streams must be sequential or banded, got 'parallel'", e.getMessage());
    }

    /** Mean and variance of every pixel of every frame. */
    private static double[] moments(List<int[]> frames) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int[] f : frames) {
            for (int v : f) {
                sum += v;
                sq += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, sq / n - mean * mean};
    }
}
