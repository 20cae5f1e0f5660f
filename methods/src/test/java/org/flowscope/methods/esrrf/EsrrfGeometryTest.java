package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.GaussianSpots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Where an emitter lands on the output grid in each geometry. */
class EsrrfGeometryTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final double[][] POSITIONS = positions();

    /** Hand-picked positions (on and near lattice points and pixel edges) plus seeded random ones. */
    private static double[][] positions() {
        double[][] p = new double[16][];
        double[][] fixed = {{10.23, 11.71}, {10.5, 10.5}, {11.9, 10.05}, {10.77, 11.33}, {11.02, 12.48}, {12.61, 9.88}};
        System.arraycopy(fixed, 0, p, 0, fixed.length);
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = fixed.length; i < p.length; i++) {
            p[i] = new double[] {r.nextDouble(10, 13), r.nextDouble(10, 13)};
        }
        return p;
    }

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    /**
     * Continuous input position (x, y) of the output's peak: centroid, above 20 % of the maximum, of the output
     * pixels within one input pixel of the maximum.
     */
    static double[] peak(ImageStack out, int m) {
        int w = out.width();
        float[] d = out.data();
        int arg = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[arg]) {
                arg = i;
            }
        }
        int py = arg / w;
        int px = arg % w;
        double floor = 0.2 * d[arg];
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = py - m; y <= py + m; y++) {
            for (int x = px - m; x <= px + m; x++) {
                double v = Math.max(0, d[y * w + x] - floor);
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / sum / m, sy / sum / m};
    }

    private static ImageStack emitter(double x, double y) {
        int n = 24;
        float[] px = new float[2 * n * n];
        for (int f = 0; f < 2; f++) {
            java.util.Arrays.fill(px, f * n * n, (f + 1) * n * n, 10f);
            GaussianSpots.addIntegrated(px, f * n * n, n, n, x, y, 1.3, 2000);
        }
        return new ImageStack(2, n, n, px);
    }

    @Test
    void centredGeometryPutsAnEmitterAtItsMagnifiedPositionWithinTwentiethOfAPixel() {
        for (int m : new int[] {4, 5, 8}) {
            EsrrfParams p = EsrrfParams.defaults().withMagnification(m).withMacroPixelCorrection(false);
            for (double[] e : POSITIONS) {
                double[] got = peak(EsrrfCpuThreaded.apply(p, emitter(e[0], e[1]), POOL), m);
                assertEquals(e[0], got[0], 0.05, "x of emitter at " + e[0] + "," + e[1] + " M " + m);
                assertEquals(e[1], got[1], 0.05, "y of emitter at " + e[0] + "," + e[1] + " M " + m);
            }
        }
    }

    @Test
    void nanopyxGeometryPutsAnEmitterAboutHalfAPixelDownAndRight() {
        EsrrfParams p = EsrrfParams.defaults().withGeometry(Geometry.NANOPYX).withMacroPixelCorrection(false);
        for (double[] e : POSITIONS) {
            double[] got = peak(EsrrfCpuThreaded.apply(p, emitter(e[0], e[1]), POOL), 5);
            assertTrue(got[0] - e[0] > 0.3 && got[0] - e[0] < 0.7, "x shift " + (got[0] - e[0]));
            assertTrue(got[1] - e[1] > 0.3 && got[1] - e[1] < 0.7, "y shift " + (got[1] - e[1]));
        }
    }
}
