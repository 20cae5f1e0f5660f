package org.flowscope.simulators.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedVolumesTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameVolumesAndAnotherSeedOthers() {
        VolumeParams p = VolumeParams.defaults(24, 20, 5, 6, 7);
        SimulatedVolumes a = SimulatedVolumes.generate(p);
        SimulatedVolumes b = SimulatedVolumes.generate(p);
        assertArrayEquals(a.planes().data(), b.planes().data());
        assertEquals(a.truth().emitters(), b.truth().emitters());
        assertFalse(Arrays.equals(a.planes().data(), SimulatedVolumes.generate(VolumeParams.defaults(24, 20, 5, 6, 8))
                .planes().data()));
        assertEquals(30, a.planes().frames());
        assertEquals(5, a.slices());
    }

    @Test
    void emittersFillTheVolumeAtTheRequestedDensityInsideItsMargins() {
        VolumeParams p = VolumeParams.defaults(40, 30, 6, 1, 3).withDensity(4);
        for (VolumeParams.Pattern pattern : VolumeParams.Pattern.values()) {
            List<VolumeEmitter> e = SimulatedVolumes.generate(p.withPattern(pattern)).truth().emitters();
            // 4 x 40 x 30 x 0.01 um^2 x 6 x 0.3 um = 86.4
            assertEquals(86, e.size(), pattern.name());
            for (VolumeEmitter v : e) {
                assertTrue(v.x() >= 1 && v.x() <= 39 && v.y() >= 1 && v.y() <= 29 && v.z() >= 0.5 && v.z() <= 5.5,
                        pattern + " " + v);
            }
            double zMin = e.stream().mapToDouble(VolumeEmitter::z).min().orElseThrow();
            double zMax = e.stream().mapToDouble(VolumeEmitter::z).max().orElseThrow();
            assertTrue(zMax - zMin > 1.5, pattern + ": emitters span " + zMin + ".." + zMax + " slices");
        }
    }

    @Test
    void anAlwaysOnEmitterIsAGaussianElongatedInZByThePsfRatio() {
        // one emitter (density x volume rounds to 1), always on, no background or read noise: the mean over 400 time
        // points is its PSF with Poisson noise averaged down
        VolumeParams p = new VolumeParams(21, 21, 15, 400, 100, 200, 150, 2.5, VolumeParams.Pattern.RANDOM, 0.1,
                2000, 0, 1, 0, 0, 0, 13);
        SimulatedVolumes sim = SimulatedVolumes.generate(p);
        VolumeEmitter e = sim.truth().emitters().get(0);
        assertEquals(1, sim.truth().emitters().size());
        assertEquals(400, sim.truth().onFrames()[0]);
        int plane = 21 * 21;
        double[] mean = new double[15 * plane];
        for (int t = 0; t < 400; t++) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += sim.planes().data()[t * mean.length + i] / 400.0;
            }
        }
        double sum = 0;
        double vx = 0;
        double vz = 0;
        double cz = 0;
        for (int s = 0; s < 15; s++) {
            for (int y = 0; y < 21; y++) {
                for (int x = 0; x < 21; x++) {
                    double m = mean[s * plane + y * 21 + x];
                    sum += m;
                    vx += m * (x + 0.5 - e.x()) * (x + 0.5 - e.x());
                    vz += m * (s + 0.5 - e.z()) * (s + 0.5 - e.z());
                    cz += m * (s + 0.5);
                }
            }
        }
        double sigmaX = Math.sqrt(vx / sum);
        double sigmaZ = Math.sqrt(vz / sum);
        // lateral: 1.5 px integrated over the pixel (+ 1/12 px^2); axial: 150 x 2.5 / 200 = 1.875 slices, sampled
        String what = "sigma x " + sigmaX + ", sigma z " + sigmaZ + ", emitter " + e;
        assertTrue(e.z() > 5.625 && e.z() < 9.375 && e.x() > 4.5 && e.x() < 16.5 && e.y() > 4.5 && e.y() < 16.5,
                "the seed must put the emitter 3 sigma from the borders, where the PSF would be cut: " + e);
        assertEquals(Math.sqrt(1.5 * 1.5 + 1 / 12.0), sigmaX, 0.05, what);
        assertEquals(1.875, sigmaZ, 0.1, what);
        assertEquals(e.z(), cz / sum, 0.05, what);
    }

    @Test
    void theTruthVolumeHoldsEveryEmittersPhotonsInItsVoxelAndIsWrittenAsAHyperstack() {
        VolumeParams p = VolumeParams.defaults(16, 12, 4, 5, 2);
        SimulatedVolumes sim = SimulatedVolumes.generate(p);
        VolumeTruth truth = sim.truth();
        ImageStack v = truth.render(3, 2, 0);
        assertEquals(8, v.frames());
        assertEquals(36, v.height());
        assertEquals(48, v.width());
        double expected = 0;
        for (VolumeEmitter e : truth.emitters()) {
            expected += truth.onFrames()[e.id()] * e.photons();
            int i = (((int) (e.z() * 2)) * 36 + (int) (e.y() * 3)) * 48 + (int) (e.x() * 3);
            assertTrue(truth.onFrames()[e.id()] == 0 || v.data()[i] > 0, "emitter " + e.id());
        }
        double total = 0;
        for (float f : v.data()) {
            total += f;
        }
        assertEquals(expected, total, 1e-6 * expected);
        Path stack = dir.resolve("vol.tif");
        var files = VolumeTruthFiles.write(stack, truth, 3, 2, 0);
        TiffStack back = TiffStacks.readHyperstack(files.get("truthVolume"));
        assertEquals(8, back.metadata().slices());
        assertEquals(100.0 / 3, back.metadata().pixelSizeNm().getAsDouble(), 1e-3);
        assertEquals(150, back.metadata().zStepNm().getAsDouble(), 1e-3);
        assertTrue(Files.exists(files.get("emitters")));
    }

    @Test
    void badParametersAreRefusedNamingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeParams.defaults(1, 8, 4, 2, 1)).getMessage()
                .contains("at least 2x2 pixels"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> VolumeParams.defaults(8, 8, 4, 2, 1).withOptics(100, 0, 120, 2.8)).getMessage()
                .contains("z step (nm) must be a finite number > 0, got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VolumeParams.Pattern.parse("grid")).getMessage()
                .contains("random or filaments, got 'grid'"));
    }
}
