package org.flowscope.methods.esrrf3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.magnify.MagnifyCpu;
import org.flowscope.methods.magnify.MagnifyParams;
import org.flowscope.methods.numerics.scenes.GaussianSpots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference's geometry, NanoPyx's decided quirks, and its refusals. */
class Esrrf3dCpuTest {
    private static final Logger LOG = LoggerFactory.getLogger(Esrrf3dCpuTest.class);
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    /** One blinking emitter at (x, y, z) (input voxels, voxel k centred at k + 0.5), lateral sigma 1.2, axial 1. */
    static VolumeStack emitter(int t, int z, int h, int w, double x, double y, double ez, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int plane = h * w;
        float[] d = new float[t * z * plane];
        for (int f = 0; f < t; f++) {
            for (int i = 0; i < z * plane; i++) {
                d[f * z * plane + i] = 10f + (float) r.nextDouble(0, 1);
            }
            double photons = r.nextDouble() < 0.6 ? 400 + 400 * r.nextDouble() : 0;
            for (int s = 0; s < z; s++) {
                double dz = s + 0.5 - ez;
                GaussianSpots.addIntegrated(d, (f * z + s) * plane, h, w, x, y, 1.2, photons * Math.exp(-dz * dz / 2));
            }
        }
        return new VolumeStack(new ImageStack(t * z, h, w, d), z);
    }

    /** Intensity-weighted centroid, in output voxels (centre of voxel i at i + 0.5), of the 3x3x3 block at the maximum. */
    static double[] peak(VolumeStack v) {
        int z = v.slices();
        int h = v.height();
        int w = v.width();
        float[] d = v.data();
        int best = 0;
        for (int i = 1; i < z * h * w; i++) {
            if (d[i] > d[best]) {
                best = i;
            }
        }
        int bz = best / (h * w);
        int by = best / w % h;
        int bx = best % w;
        double[] c = new double[3];
        double sum = 0;
        for (int s = Math.max(0, bz - 1); s <= Math.min(z - 1, bz + 1); s++) {
            for (int y = Math.max(0, by - 1); y <= Math.min(h - 1, by + 1); y++) {
                for (int x = Math.max(0, bx - 1); x <= Math.min(w - 1, bx + 1); x++) {
                    double val = d[(s * h + y) * w + x];
                    c[0] += val * (x + 0.5);
                    c[1] += val * (y + 0.5);
                    c[2] += val * (s + 0.5);
                    sum += val;
                }
            }
        }
        return new double[] {c[0] / sum, c[1] / sum, c[2] / sum};
    }

    @Test
    void anEmitterAppearsAtItsPositionTimesTheMagnificationWhenCentred() {
        double x = 8.3;
        double y = 9.7;
        double z = 4.6;
        VolumeStack in = emitter(20, 10, 18, 18, x, y, z, 3);
        Esrrf3dParams p = Esrrf3dParams.defaults().withRatios(2.8, 2.1).withMacroPixelCorrection(false);
        double[] c = peak(Esrrf3dCpuThreaded.apply(p, in, POOL));
        double[] n = peak(Esrrf3dCpuThreaded.apply(p.withGeometry(Geometry.NANOPYX), in, POOL));
        String where = String.format("truth (%.2f, %.2f, %.2f), centred (%.3f, %.3f, %.3f), nanopyx (%.3f, %.3f, %.3f)",
                2 * x, 2 * y, 2 * z, c[0], c[1], c[2], n[0], n[1], n[2]);
        LOG.info(where);
        assertEquals(2 * x, c[0], 0.1, where);
        assertEquals(2 * y, c[1], 0.1, where);
        assertEquals(2 * z, c[2], 0.25, where);
        assertTrue(Math.abs(n[0] - 2 * x) > 0.3 || Math.abs(n[2] - 2 * z) > 0.3, where);
    }

    @Test
    void nanopyxLateralMagnificationIsNanopyxShiftAndMagnifyOfEverySlice() {
        VolumeStack in = BlinkingVolumes.generate(1, 3, 7, 9, 5);
        Esrrf3dParams p = Esrrf3dParams.defaults().withGeometry(Geometry.NANOPYX).withMagnification(3, 2);
        Esrrf3dPlan plan = new Esrrf3dPlan(p, 3, 7, 9);
        float[] xy = new float[3 * plan.hm * plan.wm];
        Volumes3d.magnifyXy(plan, in.data(), 0, xy, 0, 3);
        float[] shiftAndMagnify = MagnifyCpu.apply(MagnifyParams.catmullRom(3), in.planes()).data();
        assertArrayEquals(shiftAndMagnify, xy);
        float[] out = new float[plan.voxels()];
        Volumes3d.magnifyZ(plan, xy, out, 0, plan.zm);
        for (int s = 0; s < plan.zm; s++) {
            for (int i = 0; i < plan.hm * plan.wm; i += 7) {
                assertEquals(xy[(s / 2) * plan.hm * plan.wm + i], out[s * plan.hm * plan.wm + i], "slice " + s);
            }
        }
    }

    @Test
    void centredMagnificationByOneIsTheIdentityAlongEveryAxis() {
        VolumeStack in = BlinkingVolumes.generate(1, 4, 6, 5, 9);
        Esrrf3dPlan plan = new Esrrf3dPlan(Esrrf3dParams.defaults().withMagnification(1, 1), 4, 6, 5);
        float[] xy = new float[plan.voxels()];
        Volumes3d.magnifyXy(plan, in.data(), 0, xy, 0, 4);
        float[] out = new float[plan.voxels()];
        Volumes3d.magnifyZ(plan, xy, out, 0, plan.zm);
        assertArrayEquals(in.data(), out);
    }

    @Test
    void nanopyxKeepsSamplesBelowTheVoxelBeyondTheAxialCutOffAndCentredDoesNot() {
        // radius_z = 8.1: the window reaches trunc(8.1) = 8 slices below, past tSO_z = 2 (8.1 / 2.355) + 1 = 7.88
        Esrrf3dParams p = Esrrf3dParams.defaults().withRatios(21.6, 4).withMagnification(1, 1);
        Esrrf3dPlan nanopyx = new Esrrf3dPlan(p.withGeometry(Geometry.NANOPYX), 17, 8, 8);
        Esrrf3dPlan centred = new Esrrf3dPlan(p, 17, 8, 8);
        assertTrue(nanopyx.tSOz < 8 && nanopyx.tSOz > 7.8, "tSO_z " + nanopyx.tSOz);
        int voxel = 12;
        boolean below = false;
        boolean above = false;
        for (int s = voxel * nanopyx.slotsZ.count(); s < (voxel + 1) * nanopyx.slotsZ.count(); s++) {
            float dz = nanopyx.slotsZ.delta()[s];
            boolean kept = nanopyx.slotsZ.index()[s] >= 0 && Rgc3d.axial(Geometry.NANOPYX, dz, nanopyx.tSOz);
            below |= kept && dz == -8;
            above |= kept && dz == 8;
        }
        assertTrue(below, "NanoPyx's signed test keeps dz = -8");
        assertFalse(above, "dz = +8 is beyond the cut-off");
        for (int s = voxel * centred.slotsZ.count(); s < (voxel + 1) * centred.slotsZ.count(); s++) {
            assertTrue(Math.abs(centred.slotsZ.delta()[s]) <= centred.tSOz, "centred dz " + centred.slotsZ.delta()[s]);
        }
        assertEquals(15, centred.slotsZ.count(), "centred window -7..7");
    }

    @Test
    void aNanopyxVoxelWithoutSamplesIsNaNWhereTheCentredOneIsZeroGuarded() {
        // two slices, radius_z 0.4: NanoPyx's output slice 3 (zc = 1.5) has no sample with 0 < vz <= 1
        Esrrf3dParams p = Esrrf3dParams.defaults().withRadius(1).withRatios(1.6, 4).withMacroPixelCorrection(false);
        VolumeStack in = BlinkingVolumes.generate(2, 2, 9, 8, 4);
        VolumeStack n = Esrrf3dCpu.apply(p.withGeometry(Geometry.NANOPYX), in);
        int plane = n.height() * n.width();
        int margin = 2;
        for (int s = 0; s < 4; s++) {
            for (int yx = 0; yx < plane; yx++) {
                int y = yx / n.width();
                int x = yx % n.width();
                boolean interior = y >= margin && y < n.height() - margin && x >= margin && x < n.width() - margin;
                float v = n.data()[s * plane + yx];
                if (s == 3 && interior) {
                    assertTrue(Float.isNaN(v), "slice 3 interior voxel " + yx + " = " + v);
                } else {
                    assertFalse(Float.isNaN(v), "slice " + s + " voxel " + yx);
                }
            }
        }
        for (float v : Esrrf3dCpu.apply(p, in).data()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void aTwoDimensionalStackIsRefusedAsNotAVolume() {
        VolumeStack flat = new VolumeStack(BlinkingVolumes.generate(4, 1, 8, 8, 1).planes(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Esrrf3dCpu.apply(Esrrf3dParams.defaults(), flat));
        assertTrue(e.getMessage().contains("at least 2 slices, got 1"), e.getMessage());
    }

    @Test
    void aRadiusTooLargeForTheVolumeIsRefusedNamingTheRule() {
        VolumeStack in = BlinkingVolumes.generate(1, 4, 8, 12, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Esrrf3dCpu.apply(Esrrf3dParams.defaults().withRadius(4.5), in));
        assertTrue(e.getMessage().contains("radius too large for the 12x8x4 volume")
                && e.getMessage().contains("min(rows, columns)/2 = 4.0") && e.getMessage().contains("got radius 4.5"),
                e.getMessage());
        // NanoPyx's own rule: 2 radius <= columns / 2
        e = assertThrows(IllegalArgumentException.class, () -> Esrrf3dCpu.apply(
                Esrrf3dParams.defaults().withGeometry(Geometry.NANOPYX).withRadius(3.5), in));
        assertTrue(e.getMessage().contains("2 radius <= columns/2 = 6.0"), e.getMessage());
        // axial: radius_z = 1.5 x 2.8 / 0.5 = 8.4 > 4 / 2
        e = assertThrows(IllegalArgumentException.class,
                () -> Esrrf3dCpu.apply(Esrrf3dParams.defaults().withRatios(2.8, 0.5), in));
        assertTrue(e.getMessage().contains("slices/2 = 2.0") && e.getMessage().contains("radius_z 8.4"), e.getMessage());
    }

    @Test
    void aZeroMagnificationIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Esrrf3dParams.defaults().withMagnification(0, 2));
        assertEquals("magnification-xy must be an integer in 1..10, got 0", e.getMessage());
    }

    @Test
    void blocksOfFramesGiveOneVolumeEachAndStdOfOneFrameIsZero() {
        VolumeStack in = BlinkingVolumes.generate(5, 3, 8, 9, 2);
        Esrrf3dParams p = Esrrf3dParams.defaults().withFramesPerTimePoint(2).withMacroPixelCorrection(false);
        VolumeStack out = Esrrf3dCpu.apply(p, in);
        assertEquals(3, out.timePoints());
        assertEquals(6, out.slices());
        VolumeStack last = Esrrf3dCpu.apply(p.withFramesPerTimePoint(0),
                new VolumeStack(in.planes().frames(12, 15), 3));
        float[] tail = java.util.Arrays.copyOfRange(out.data(), 2 * last.data().length, 3 * last.data().length);
        assertArrayEquals(last.data(), tail);
        for (float v : Esrrf3dCpu.apply(p.withTemporal(TemporalMode.STD).withFramesPerTimePoint(1), in).data()) {
            assertEquals(0f, v);
        }
    }
}
