package org.flowscope.methods.esrrf3d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.simulators.volume.SimulatedVolumes;
import org.flowscope.simulators.volume.VolumeParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * eSRRF 3-D against the truth of the simulator's volumes (filaments in 3-D, a PSF 2.8 times longer in z, 300 nm
 * slices of 100 nm pixels). Pearson's r is a quality score here, not an equivalence test: the centred reconstruction
 * must beat the temporal mean magnified the same way (Catmull-Rom at voxel centres along x, y and z) and the NanoPyx
 * geometry (whose half-voxel offsets and z replication misplace the image).
 */
class Esrrf3dGroundTruthTest {
    private static final Logger LOG = LoggerFactory.getLogger(Esrrf3dGroundTruthTest.class);
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    static double pearson(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The temporal mean of {@code in}, magnified as the centred geometry magnifies a volume. */
    static float[] magnifiedMean(Esrrf3dParams p, VolumeStack in) {
        int n = in.volumeSize();
        float[] mean = new float[n];
        for (int t = 0; t < in.timePoints(); t++) {
            for (int i = 0; i < n; i++) {
                mean[i] += in.data()[in.offset(t) + i] / in.timePoints();
            }
        }
        Esrrf3dPlan plan = new Esrrf3dPlan(p.withGeometry(Geometry.CENTRED), in.slices(), in.height(), in.width());
        float[] xy = new float[plan.z * plan.hm * plan.wm];
        Volumes3d.magnifyXy(plan, mean, 0, xy, 0, plan.z);
        float[] out = new float[plan.voxels()];
        Volumes3d.magnifyZ(plan, xy, out, 0, plan.zm);
        return out;
    }

    @Test
    void theCentredReconstructionCorrelatesBetterWithTheTruthThanTheTemporalMeanAndNanopyx() {
        VolumeParams sim = VolumeParams.defaults(28, 28, 6, 40, 5);
        SimulatedVolumes volumes = SimulatedVolumes.generate(sim);
        VolumeStack in = new VolumeStack(volumes.planes(), volumes.slices());
        // the voxel ratio of the simulated optics (300 nm / 100 nm) and its PSF ratio
        Esrrf3dParams p = Esrrf3dParams.defaults().withRatios(sim.psfRatio(), sim.zStepNm() / sim.pixelSizeNm());
        float[] truth = volumes.truth().render(2, 2, 1.0).data();
        double rCentred = pearson(Esrrf3dCpuThreaded.apply(p, in, POOL).data(), truth);
        double rNanopyx = pearson(Esrrf3dCpuThreaded.apply(p.withGeometry(Geometry.NANOPYX), in, POOL).data(), truth);
        double rMean = pearson(magnifiedMean(p, in), truth);
        String scores = String.format("%d emitters in 28x28x6 voxels, 40 time points, x2/x2: r(centred) %.3f, "
                + "r(nanopyx) %.3f, r(mean) %.3f", volumes.truth().emitters().size(), rCentred, rNanopyx, rMean);
        LOG.info(scores);
        assertTrue(rCentred > rMean, scores);
        assertTrue(rCentred > rNanopyx, scores);
    }
}
