package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.GaussianSpots;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * eSRRF against the rendered truth of simulated blinking emitters. Pearson's r is a quality score here, not an
 * equivalence test: the centred image must beat both the temporal mean (magnified the same way) and the NanoPyx
 * geometry.
 */
class EsrrfGroundTruthTest {
    private static final Logger LOG = LoggerFactory.getLogger(EsrrfGroundTruthTest.class);
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

    /** The temporal mean, magnified by Catmull-Rom sampled at output pixel centres. */
    static float[] magnifiedMean(ImageStack in, int m) {
        int h = in.height();
        int w = in.width();
        float[] mean = new float[h * w];
        for (int f = 0; f < in.frames(); f++) {
            for (int i = 0; i < h * w; i++) {
                mean[i] += in.data()[in.offset(f) + i] / in.frames();
            }
        }
        float[] out = new float[h * m * w * m];
        for (int y = 0; y < h * m; y++) {
            for (int x = 0; x < w * m; x++) {
                out[y * w * m + x] = Geometry.CENTRED.interpolator().at(mean, 0, h, w, (y + 0.5) / m, (x + 0.5) / m);
            }
        }
        return out;
    }

    private static void assertCentredWins(ImageStack in, float[] truth, String what) {
        EsrrfParams centred = EsrrfParams.defaults();
        double rCentred = pearson(EsrrfCpuThreaded.apply(centred, in, POOL).data(), truth);
        double rNanopyx = pearson(EsrrfCpuThreaded.apply(centred.withGeometry(Geometry.NANOPYX), in, POOL).data(), truth);
        double rMean = pearson(magnifiedMean(in, centred.magnification()), truth);
        String scores = what + ": r(centred) " + rCentred + ", r(nanopyx) " + rNanopyx + ", r(mean) " + rMean;
        LOG.info(scores);
        assertTrue(rCentred > rMean, scores);
        assertTrue(rCentred > rNanopyx, scores);
    }

    @Test
    void centredImageCorrelatesBetterWithTruthThanMeanAndNanopyxOnOwnSimulation() {
        int h = 28;
        int w = 30;
        int m = 5;
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 30;
        double[] ex = new double[n];
        double[] ey = new double[n];
        float[] truth = new float[h * m * w * m];
        for (int i = 0; i < n; i++) {
            ex[i] = rnd.nextDouble(2, w - 2);
            ey[i] = rnd.nextDouble(2, h - 2);
            GaussianSpots.addIntegrated(truth, 0, h * m, w * m, ex[i] * m, ey[i] * m, 0.25 * m, 1);
        }
        int frames = 60;
        float[] data = new float[frames * h * w];
        for (int f = 0; f < frames; f++) {
            java.util.Arrays.fill(data, f * h * w, (f + 1) * h * w, 30f);
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < 0.15) {
                    GaussianSpots.addIntegrated(data, f * h * w, h, w, ex[i], ey[i], 1.3, 800);
                }
            }
            for (int p = f * h * w; p < (f + 1) * h * w; p++) {
                data[p] += (float) (Math.sqrt(data[p]) * rnd.nextDouble(-1.7, 1.7));
            }
        }
        assertCentredWins(new ImageStack(frames, h, w, data), truth, "own simulation");
    }

    @Test
    void centredImageCorrelatesBetterWithTruthThanMeanAndNanopyxOnSharedBlink200() {
        ImageStack in = ReferenceData.tiff(ReferenceData.sharedOrSkip("reference/inputs/blink200_64.tif")).toImageStack();
        float[] truth = ReferenceData.tiff(ReferenceData.sharedOrSkip("reference/inputs/blink200_64_gt_mag5.tif")).data();
        assertCentredWins(in, truth, "blink200_64");
    }
}
