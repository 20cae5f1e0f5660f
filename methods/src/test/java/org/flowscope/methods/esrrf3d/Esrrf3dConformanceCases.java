package org.flowscope.methods.esrrf3d;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.testkit.ConformanceKit;

/**
 * The seeded shape and parameter matrix every eSRRF 3-D implementation is held to the Java reference on: both
 * geometries, odd and tiny sizes, few slices, one-frame series, blocks, STD (of 2 frames or more: it is 0 for one), every magnification pair up to 3x3,
 * radii up to the volume's limit (borders), NanoPyx's signed dz test with an axial window wider than its cut-off, and
 * its empty windows (NaN).
 */
final class Esrrf3dConformanceCases {
    private Esrrf3dConformanceCases() {
    }

    static ConformanceKit.Case<Esrrf3dParams, VolumeStack> of(String name, Esrrf3dParams p, int t, int z, int h, int w,
            long seed) {
        return new ConformanceKit.Case<>(name + " " + t + "x" + z + "x" + h + "x" + w, p,
                BlinkingVolumes.generate(t, z, h, w, seed));
    }

    static List<ConformanceKit.Case<Esrrf3dParams, VolumeStack>> all() {
        List<ConformanceKit.Case<Esrrf3dParams, VolumeStack>> cases = new ArrayList<>();
        int seed = 0;
        for (Geometry g : Geometry.values()) {
            Esrrf3dParams base = Esrrf3dParams.defaults().withGeometry(g);
            for (int mxy = 1; mxy <= 3; mxy++) {
                for (int mz = 1; mz <= 3; mz++) {
                    seed++;
                    int z = 2 + seed % 4;
                    int h = 7 + seed % 5;
                    int w = 8 + (seed * 3) % 7;
                    Esrrf3dParams p = Esrrf3d.fitted(base.withMagnification(mxy, mz)
                            .withRadius(seed % 3 == 0 ? 1 : 1.5).withRatios(seed % 2 == 0 ? 2.8 : 4, seed % 3 == 1 ? 2 : 4)
                            .withTemporal(seed % 2 == 0 ? TemporalMode.AVERAGE : TemporalMode.STD)
                            .withIntensityWeighting(seed % 4 != 1).withMacroPixelCorrection(seed % 5 != 2)
                            .withSensitivity(seed % 6 == 3 ? 2 : 1), z - 1, h, w); // z - 1: NanoPyx's margins leave voxels
                    cases.add(of(g + " x" + mxy + "/x" + mz + " r" + p.radius() + " rz" + (float) p.radiusZ() + " "
                            + p.temporal(), p, p.temporal() == TemporalMode.STD ? 2 + seed % 2 : 1 + seed % 3, z, h, w,
                            seed));
                }
            }
            cases.add(of(g + " one frame", base, 1, 4, 9, 11, 100));
            cases.add(of(g + " blocks of 2, last shorter", base.withFramesPerTimePoint(2), 5, 3, 8, 9, 101));
            cases.add(of(g + " radius at the volume's limit", Esrrf3d.fitted(base.withRadius(10), 3, 6, 9), 2, 3, 6, 9,
                    102));
            // trunc(8.1) = 8 > tSO_z = 7.88: NanoPyx keeps the samples 8 slices below, the centred window stops at 7
            cases.add(of(g + " wide axial window (radius_z 8.1)", base.withRatios(21.6, 4).withMagnification(1, 2), 2,
                    17, 8, 8, 103));
            cases.add(of(g + " two slices, radius_z 0.4 (NanoPyx: empty windows)",
                    base.withRadius(1).withRatios(1.6, 4).withMacroPixelCorrection(false), 2, 2, 9, 8, 104));
        }
        return cases;
    }
}
