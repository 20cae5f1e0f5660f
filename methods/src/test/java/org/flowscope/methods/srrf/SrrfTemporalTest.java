package org.flowscope.methods.srrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.flowscope.engine.spi.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The temporal analyses on one pixel's series, written out here from the definitions, and the one-pass running sums
 * of the fast implementations against the literal reference.
 */
class SrrfTemporalTest {
    private static final float[] SERIES = {3, -1, 4, 1, 5, 9, 2, 6};

    private static float reduce(Temporal t, Geometry g, float[] x) {
        return g == Geometry.NANOPYX ? TemporalReference.nanopyx(t, x, x.length, 1)[0]
                : TemporalReference.exact(t, x, x.length, 1)[0];
    }

    private static double[] deviations(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - mean;
        }
        return d;
    }

    @Test
    void averageMaximumAndPairwiseProductSumFollowTheirDefinitions() {
        for (Geometry g : Geometry.values()) {
            assertEquals(29 / 8.0, reduce(Temporal.AVG, g, SERIES), 1e-6);
            assertEquals(9, reduce(Temporal.MAX, g, SERIES));
            // negatives count as 0: S = 30, Q = 172, pairs t0 <= t1 of 8 frames: 36
            assertEquals((30.0 * 30 + 172) / 2 / 36, reduce(Temporal.PPS, g, SERIES), 1e-5);
        }
    }

    @Test
    void centredCumulantsAreMeansOverEveryWindowOfConsecutiveFrames() {
        double[] d = deviations(SERIES);
        double ab = 0;
        double abc = 0;
        for (int t = 0; t + 1 < d.length; t++) {
            ab += d[t] * d[t + 1];
        }
        for (int t = 0; t + 2 < d.length; t++) {
            abc += d[t] * d[t + 1] * d[t + 2];
        }
        assertEquals(Math.abs(ab / 7), reduce(Temporal.TRAC2, Geometry.CENTRED, SERIES), 1e-5);
        assertEquals(Math.abs(abc / 6), reduce(Temporal.TRAC3, Geometry.CENTRED, SERIES), 1e-5);
        double[] s = new double[7];
        for (int t = 0; t + 3 < d.length; t++) {
            double a = d[t];
            double b = d[t + 1];
            double c = d[t + 2];
            double e = d[t + 3];
            s[0] += a * b * c * e;
            s[1] += a * b;
            s[2] += c * e;
            s[3] += a * c;
            s[4] += b * e;
            s[5] += a * e;
            s[6] += b * c;
        }
        double n = 5;
        double k4 = s[0] / n - s[1] / n * s[2] / n - s[3] / n * s[4] / n - s[5] / n * s[6] / n;
        assertEquals(Math.abs(k4), reduce(Temporal.TRAC4, Geometry.CENTRED, SERIES), 1e-4);
    }

    @Test
    void nanopyxCumulantsKeepItsOrderThreeSumProductsOfSumsAndEarlyStop() {
        double[] d = deviations(SERIES);
        double ab2 = 0;
        for (int t = 0; t < d.length - 2; t++) {
            ab2 += d[t] * d[t + 1];
        }
        assertEquals(Math.abs(ab2) / 8, reduce(Temporal.TRAC2, Geometry.NANOPYX, SERIES), 1e-5);
        double abc = 0;
        for (int t = 0; t < d.length - 3; t++) {
            abc += d[t] * d[t + 1] + d[t + 2];
        }
        assertEquals(Math.abs(abc) / 8, reduce(Temporal.TRAC3, Geometry.NANOPYX, SERIES), 1e-5);
        double[] s = new double[7];
        for (int t = 0; t < d.length - 4; t++) {
            s[0] += d[t] * d[t + 1] * d[t + 2] * d[t + 3];
            s[1] += d[t] * d[t + 1];
            s[2] += d[t + 2] * d[t + 3];
            s[3] += d[t] * d[t + 2];
            s[4] += d[t + 1] * d[t + 3];
            s[5] += d[t] * d[t + 3];
            s[6] += d[t + 1] * d[t + 2];
        }
        double k4 = s[0] - s[1] * s[2] - s[3] * s[4] - s[5] * s[6];
        assertEquals(Math.abs(k4) / 8, reduce(Temporal.TRAC4, Geometry.NANOPYX, SERIES), 1e-3);
    }

    /** Pixels with a bright steady level and small fluctuations too, where one-pass sums would cancel without a shift. */
    @Test
    void runningSumsEqualTheLiteralAnalysesForEveryStatisticGeometryAndLength() {
        SplittableRandom r = new SplittableRandom(11);
        int pixels = 64;
        for (int frames : new int[] {1, 2, 3, 4, 5, 9, 40}) {
            float[] data = new float[frames * pixels];
            for (int p = 0; p < pixels; p++) {
                double level = p % 4 == 0 ? 5000 : r.nextDouble(-5, 50);
                double spread = p % 4 == 0 ? 2 : r.nextDouble(1, 30);
                for (int t = 0; t < frames; t++) {
                    data[t * pixels + p] = (float) (level + spread * r.nextGaussian());
                }
            }
            for (Geometry g : Geometry.values()) {
                for (Temporal t : Temporal.values()) {
                    if (frames < t.minimumFrames(g)) {
                        continue;
                    }
                    float[] ref = g == Geometry.NANOPYX ? TemporalReference.nanopyx(t, data, frames, pixels)
                            : TemporalReference.exact(t, data, frames, pixels);
                    RadialityAccumulator acc = new RadialityAccumulator(t, g, pixels);
                    for (int f = 0; f < frames; f++) {
                        // in two halves, as bands add their rows
                        acc.add(f, 0, data, f * pixels, pixels / 2);
                        acc.add(f, pixels / 2, data, f * pixels + pixels / 2, pixels - pixels / 2);
                    }
                    float[] got = new float[pixels];
                    acc.finish(frames, got, 0);
                    assertNull(new Tolerance(0, 1e-5).firstViolation(ref, got), g + " " + t + " " + frames + " frames");
                }
            }
        }
    }
}
