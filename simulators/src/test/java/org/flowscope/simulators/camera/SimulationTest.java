package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.simulators.sample.Emitter;
import org.flowscope.simulators.sample.Pattern;
import org.flowscope.simulators.sample.SampleParams;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static SimulationParams small(long frames, long seed) {
        return SimulationParams.defaults(frames, seed).withCamera(CameraParams.defaults().withSize(48, 40));
    }

    @Test
    void sameSeedGivesIdenticalFramesAndTruth() {
        SimulatedStack a = SimulatedStack.generate(small(5, 11));
        SimulatedStack b = SimulatedStack.generate(small(5, 11));
        assertArrayEquals(a.stack().data(), b.stack().data());
        assertEquals(a.truth().emitters(), b.truth().emitters());
        SimulatedStack c = SimulatedStack.generate(small(5, 12));
        assertFalse(java.util.Arrays.equals(a.stack().data(), c.stack().data()));
    }

    @Test
    void backgroundOnlyFramesFollowTheCameraNoiseModel() {
        double bg = 20;
        double gain = 2.0;
        double offset = 100;
        double read = 3;
        SampleParams dark = SampleParams.defaults().withBlinking(0, 1).withBackground(bg); // never on
        CameraParams cam = CameraParams.defaults().withSize(64, 64).withNoise(offset, gain, read);
        SimulatedStack s = SimulatedStack.generate(new SimulationParams(cam, dark, DriftParams.none(), 10, 3));
        double sum = 0;
        double sq = 0;
        for (float v : s.stack().data()) {
            sum += v;
            sq += v * v;
        }
        int n = s.stack().data().length;
        double mean = sum / n;
        double var = sq / n - mean * mean;
        double sd = gain * Math.sqrt(bg + read * read);
        assertEquals(offset + gain * bg, mean, 5 * sd / Math.sqrt(n)); // 5 standard errors
        // var = gain^2 (bg + read^2) + rounding 1/12
        assertEquals(gain * gain * (bg + read * read) + 1.0 / 12, var, 0.05 * var);
    }

    @Test
    void valuesAreClampedToTheBitDepth() {
        CameraParams cam = CameraParams.defaults().withSize(16, 16).withBitDepth(8).withNoise(250, 1, 0);
        SimulatedStack s = SimulatedStack.generate(new SimulationParams(cam, SampleParams.defaults().withBackground(50),
                DriftParams.none(), 3, 1));
        assertEquals(PixelType.U8, s.pixelType());
        for (float v : s.stack().data()) {
            assertTrue(v >= 0 && v <= 255, "value " + v);
        }
    }

    @Test
    void linearDriftTruthIsVelocityTimesFrame() {
        SimulatedStack s = SimulatedStack.generate(small(6, 1).withDrift(new DriftParams(0.1, -0.05, 0)));
        assertArrayEquals(new double[] {0, 0}, s.truth().driftPx(0), 1e-12);
        assertArrayEquals(new double[] {0.5, -0.25}, s.truth().driftPx(5), 1e-12);
    }

    @Test
    void randomWalkDriftStepsHaveTheGivenSigma() {
        GroundTruth t = SimulatedStack.generate(SimulationParams.defaults(3000, 5)
                .withCamera(CameraParams.defaults().withSize(8, 8))
                .withSample(SampleParams.defaults().withDensity(1))
                .withDrift(new DriftParams(0, 0, 0.02))).truth();
        double sq = 0;
        for (int f = 1; f < t.frames(); f++) {
            double d = t.drift()[f][0] - t.drift()[f - 1][0];
            sq += d * d;
        }
        assertEquals(0.02, Math.sqrt(sq / (t.frames() - 1)), 0.002);
    }

    @Test
    void emittersAreOnForTheDutyCycleFraction() {
        SampleParams sp = SampleParams.defaults().withPattern(Pattern.RANDOM).withBlinking(0.1, 0.3).withDensity(20);
        GroundTruth t = SimulatedStack.generate(small(400, 9).withSample(sp)).truth();
        long on = 0;
        for (long f : t.onFrames()) {
            on += f;
        }
        double fraction = (double) on / (t.onFrames().length * 400L);
        assertEquals(0.25, fraction, 0.02);
    }

    @Test
    void everyPatternPlacesEmittersInsideTheField() {
        for (Pattern p : Pattern.values()) {
            GroundTruth t = SimulatedStack.generate(small(1, 2).withSample(SampleParams.defaults().withPattern(p).withDensity(5)))
                    .truth();
            assertTrue(t.emitters().size() > 10, p + " placed " + t.emitters().size());
            for (Emitter e : t.emitters()) {
                assertTrue(e.x() >= 1 && e.x() <= 47 && e.y() >= 1 && e.y() <= 39, p + " emitter " + e);
            }
        }
    }

    @Test
    void truthRenderHoldsTheEmittedPhotonsAtTheEmitterPositions() {
        SimulatedStack s = SimulatedStack.generate(small(20, 4));
        ImageStack r = s.truth().render(4, 0);
        assertEquals(48 * 4, r.width());
        double expected = 0;
        for (Emitter e : s.truth().emitters()) {
            expected += s.truth().onFrames()[e.id()] * e.photons();
        }
        double sum = 0;
        for (float v : r.data()) {
            sum += v;
        }
        assertEquals(expected, sum, expected * 1e-6);
        Emitter e = s.truth().emitters().get(0);
        if (s.truth().onFrames()[0] > 0) {
            assertTrue(r.get(0, (int) (e.y() * 4), (int) (e.x() * 4)) > 0);
        }
    }

    @Test
    void meanFrameOfABrightStaticEmitterIsCentredOnItsPosition() {
        // one emitter (grid of 1), always on, no background: the mean image centroid is the emitter position
        SampleParams one = new SampleParams(Pattern.GRID, 1e-9, 1, 5000, 0, 1, 0, 150);
        CameraParams cam = CameraParams.defaults().withSize(24, 24).withNoise(0, 1, 0);
        SimulatedStack s = SimulatedStack.generate(new SimulationParams(cam, one, DriftParams.none(), 50, 8));
        Emitter e = s.truth().emitters().get(0);
        double sum = 0;
        double cx = 0;
        double cy = 0;
        for (int f = 0; f < 50; f++) {
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 24; x++) {
                    double v = s.stack().get(f, y, x);
                    sum += v;
                    cx += v * (x + 0.5);
                    cy += v * (y + 0.5);
                }
            }
        }
        assertEquals(e.x(), cx / sum, 0.02);
        assertEquals(e.y(), cy / sum, 0.02);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> CameraParams.defaults().withSize(0, 10));
        assertThrows(IllegalArgumentException.class, () -> CameraParams.defaults().withBitDepth(17));
        assertThrows(IllegalArgumentException.class, () -> SampleParams.defaults().withDensity(-1));
        assertThrows(IllegalArgumentException.class, () -> SampleParams.defaults().withBlinking(1.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new DriftParams(Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SimulationParams.defaults(0, 1));
    }
}
