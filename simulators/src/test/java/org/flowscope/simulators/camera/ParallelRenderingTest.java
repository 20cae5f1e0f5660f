package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flowscope.core.source.PixelData;
import org.flowscope.simulators.sample.Pattern;
import org.flowscope.simulators.sample.SampleParams;
import org.junit.jupiter.api.Test;

/**
 * The fast renderer (precomputed PSF footprints, guide-table Poisson, parallel bands) against the renderer as it
 * was ({@link ReferenceSimulation}), frame by frame and bit for bit, on one thread and on several; and the reference
 * itself against SHA-256 digests of frames the original code produced, so that neither can drift.
 */
class ParallelRenderingTest {
    /** Default sample, 20 frames of 128x128, seed 1. */
    static final SimulationParams DEFAULTS = SimulationParams.defaults(20, 1);
    /** Random pattern, dense, drifting with a random walk, 12 bit, gain 2.5, background below the PTRS threshold. */
    static final SimulationParams DRIFTING = new SimulationParams(new CameraParams(512, 256, 100, 12, 100, 2.5, 2.0, 100),
            SampleParams.defaults().withPattern(Pattern.RANDOM).withDensity(5).withBackground(3.5),
            new DriftParams(0.03, 0.02, 0.01), 10, 7);
    /** No read noise, 8 bit, no background, a grid of faint emitters. */
    static final SimulationParams NOISELESS_READ = new SimulationParams(new CameraParams(96, 64, 100, 8, 5, 1.0, 0.0, 100),
            SampleParams.defaults().withPattern(Pattern.GRID).withPhotons(50).withBackground(0), DriftParams.none(), 10, 3);
    /** Bright background and emitters, gain below 1, steady drift. */
    static final SimulationParams BRIGHT = new SimulationParams(new CameraParams(64, 96, 160, 16, 400, 0.7, 1.2, 100),
            SampleParams.defaults().withPhotons(2000).withBackground(200).withBlinking(0.2, 0.2), new DriftParams(-0.05, 0.01, 0.0), 20, 99);

    private static final List<SimulationParams> CASES = List.of(DEFAULTS, DRIFTING, NOISELESS_READ, BRIGHT);
    /** SHA-256 of every frame's ints, as the renderer produced them before it was parallelised (commit 1e9568a). */
    private static final List<String> ORIGINAL_DIGESTS = List.of(
            "040cdcbd87ed80d600e3b3add06234f0344945732eacc5347f30da69f2af6256",
            "482a9a045c74610e8f1e2daa17a6486a3c11a2c35d1b87961fc9d974189f9591",
            "f3ac0032b3de64c60d3feeb1903abbf0c4a502035b48ffb2827ac694d3f100d4",
            "dbb1d4e6f533df47cddf0f09b1900bc3ca3f1c20be4611f329907c258916c1a6");

    private static List<int[]> reference(SimulationParams p) {
        ReferenceSimulation sim = new ReferenceSimulation(p);
        List<int[]> frames = new ArrayList<>();
        while (sim.hasNext()) {
            int[] adu = new int[p.camera().width() * p.camera().height()];
            sim.next(adu);
            frames.add(adu);
        }
        return frames;
    }

    private static String digest(List<int[]> frames) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int[] f : frames) {
            ByteBuffer bb = ByteBuffer.allocate(4 * f.length);
            bb.asIntBuffer().put(f);
            md.update(bb.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<int[]> rendered(SimulationParams p, int threads,
            java.util.function.UnaryOperator<FrameRenderer.Planner> planner) throws Exception {
        Simulation sim = new Simulation(p);
        List<int[]> frames = new ArrayList<>();
        try (FrameRenderer r = planner == null ? new FrameRenderer(sim, FrameRenderer.Output.INT, threads)
                : new FrameRenderer(sim, FrameRenderer.Output.INT, threads, planner)) {
            while (r.hasNext()) {
                frames.add(r.next().ints().clone());
            }
        }
        return frames;
    }

    private static void assertSameFrames(List<int[]> expected, List<int[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": frame count");
        for (int f = 0; f < expected.size(); f++) {
            assertArrayEquals(expected.get(f), actual.get(f), what + ": frame " + f);
        }
    }

    @Test
    void theReferenceStillProducesTheOriginalFrames() throws Exception {
        for (int c = 0; c < CASES.size(); c++) {
            assertEquals(ORIGINAL_DIGESTS.get(c), digest(reference(CASES.get(c))), "case " + c);
        }
    }

    @Test
    void sequentialRenderingGivesTheOriginalFramesBitForBit() {
        for (SimulationParams p : CASES) {
            Simulation sim = new Simulation(p);
            List<int[]> frames = new ArrayList<>();
            while (sim.hasNext()) {
                int[] adu = new int[p.camera().width() * p.camera().height()];
                sim.next(adu);
                frames.add(adu);
            }
            assertSameFrames(reference(p), frames, "sequential " + p.camera().width() + "x" + p.camera().height());
        }
    }

    @Test
    void parallelRenderingGivesTheOriginalFramesBitForBitOnAnyNumberOfThreads() throws Exception {
        for (SimulationParams p : CASES) {
            List<int[]> expected = reference(p);
            for (int threads : new int[] {1, 2, 3, 5}) {
                assertSameFrames(expected, rendered(p, threads, null), threads + " threads, " + p.camera().width() + "x" + p.camera().height());
            }
        }
    }

    @Test
    void aNoisePlanThatGoesOutOfStepIsCaughtAndTheFramesStayExact() throws Exception {
        SimulationParams p = DRIFTING;
        int[] calls = new int[1];
        java.util.function.UnaryOperator<FrameRenderer.Planner> wrong = real -> (lambda, band, q) -> {
            long end = real.plan(lambda, band, q);
            return ++calls[0] == 20 ? end + 1 : end; // one band of the third frame is planned one draw short
        };
        assertSameFrames(reference(p), rendered(p, 3, wrong), "out-of-step plan");
        assertTrue(calls[0] >= 20, "the faulty plan was used: " + calls[0] + " bands planned");
    }

    @Test
    void theCameraDeliversTheOriginalFramesFromParallelRendering() throws Exception {
        SimulationParams p = DRIFTING;
        List<int[]> expected = reference(p);
        List<int[]> got = new ArrayList<>();
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.VIRTUAL, 4)) {
            cam.run((md, px) -> {
                short[] s = ((PixelData.U16) px).pixels();
                int[] f = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    f[i] = s[i] & 0xFFFF;
                }
                got.add(f);
            });
            assertEquals(p.frames(), cam.truth().frames());
        }
        assertSameFrames(expected, got, "camera, 4 threads");
    }
}
