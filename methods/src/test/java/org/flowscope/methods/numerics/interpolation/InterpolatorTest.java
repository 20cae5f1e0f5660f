package org.flowscope.methods.numerics.interpolation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private static final int H = 13;
    private static final int W = 17;

    private static float[] image(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] img = new float[H * W];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) r.nextDouble(10, 100);
        }
        return img;
    }

    private static List<Interpolator> family() {
        List<Interpolator> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            if (!k.spatial()) {
                continue;
            }
            for (Border b : Border.values()) {
                for (Normalisation n : Normalisation.values()) {
                    all.add(new Interpolator(k, b, n));
                }
            }
        }
        return all;
    }

    @Test
    void aGridEvaluatesExactlyWhatPointEvaluationGivesForEveryMemberOfTheFamily() {
        float[] img = image(1);
        double[] ys = {-1.3, -0.2, 0, 0.5, 0.51, 3.25, 6.7, 12.4, 12.99, 13, 14.2};
        double[] xs = {-0.7, 0, 0.25, 1.5, 8.125, 15.9, 16.5, 17, 18.5};
        for (Interpolator ip : family()) {
            float[] grid = new float[ys.length * xs.length + 3];
            ip.grid(img, 0, H, W, ys, xs, grid, 3);
            for (int k = 0; k < ys.length; k++) {
                for (int l = 0; l < xs.length; l++) {
                    assertEquals(ip.at(img, 0, H, W, ys[k], xs[l]), grid[3 + k * xs.length + l], 0f,
                            ip + " at (" + ys[k] + ", " + xs[l] + ")");
                }
            }
        }
    }

    @Test
    void shiftsAndWarpsSampleTheSamePositionsAsPointEvaluation() {
        float[] img = image(2);
        double sx = 1.37;
        double sy = -2.21;
        float[] vx = new float[H * W];
        float[] vy = new float[H * W];
        java.util.Arrays.fill(vx, (float) -sx);
        java.util.Arrays.fill(vy, (float) -sy);
        for (Interpolator ip : family()) {
            float[] shifted = new float[H * W];
            ip.shift(img, 0, H, W, sx, sy, shifted, 0);
            float[] warped = new float[H * W];
            ip.warp(img, 0, H, W, vx, vy, warped, 0);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    // out(x, y) = in(x - sx, y - sy); pixel centres at k + 0.5
                    float expected = ip.at(img, 0, H, W, y + 0.5 - sy, x + 0.5 - sx);
                    assertEquals(expected, shifted[y * W + x], 1e-4, ip + " shift at " + x + "," + y);
                    assertEquals(expected, warped[y * W + x], 1e-4, ip + " warp at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void nanoPyxBicubicIsCatmullRomNormalisedByTheTapsThatReadTheImage() {
        float[] flat = new float[H * W];
        java.util.Arrays.fill(flat, 7f);
        float[] img = image(3);
        // inside, every tap reads the image and Catmull-Rom's weights sum to 1: the two agree
        assertEquals(Interpolator.NANOPYX_CATMULL_ROM.at(img, 0, H, W, 5.3, 8.9),
                Interpolator.NANOPYX_BICUBIC.at(img, 0, H, W, 5.3, 8.9), 1e-4);
        // at the edge the skipped taps attenuate Catmull-Rom; bicubic renormalises and a flat image stays flat
        assertEquals(7f, Interpolator.NANOPYX_BICUBIC.at(flat, 0, H, W, 0.1, 0.2), 1e-5);
        float cr = Interpolator.NANOPYX_CATMULL_ROM.at(flat, 0, H, W, 0.1, 0.2);
        assertTrue(Math.abs(cr - 7f) > 0.1, "Catmull-Rom at the corner " + cr);
    }

    @Test
    void theBorderDecidesWhatTapsBeyondTheEdgeRead() {
        float[] flat = new float[H * W];
        java.util.Arrays.fill(flat, 7f);
        Interpolator zero = new Interpolator(Kernel.CATMULL_ROM, Border.ZERO, Normalisation.NONE);
        Interpolator edge = new Interpolator(Kernel.CATMULL_ROM, Border.NEAREST, Normalisation.NONE);
        assertEquals(7f, edge.at(flat, 0, H, W, 0.1, 0.2), 1e-5);
        assertEquals(7f, edge.at(flat, 0, H, W, -3, 30), 1e-5);
        assertNotEquals(7f, zero.at(flat, 0, H, W, 0.1, 0.2), 0.1f);
        assertEquals(0f, zero.at(flat, 0, H, W, -3, 30));
        // NanoPyx's border: like ZERO inside, but 0 outright as soon as the query leaves the image
        assertEquals(zero.at(flat, 0, H, W, 0.1, 0.2), Interpolator.NANOPYX_CATMULL_ROM.at(flat, 0, H, W, 0.1, 0.2));
        assertNotEquals(0f, zero.at(flat, 0, H, W, -0.3, 5));
        assertEquals(0f, Interpolator.NANOPYX_CATMULL_ROM.at(flat, 0, H, W, -0.3, 5));
    }

    @Test
    void nanoPyxNearestTruncatesSoPositionsJustLeftOfTheImageReadTheFirstSample() {
        float[] img = image(4);
        Interpolator centred = new Interpolator(Kernel.NEAREST, Border.ZERO, Normalisation.NONE);
        assertEquals(img[2 * W], Interpolator.NANOPYX_NEAREST.at(img, 0, H, W, 2.9, -0.4));
        assertEquals(0f, centred.at(img, 0, H, W, 2.9, -0.4));
        assertEquals(0f, Interpolator.NANOPYX_NEAREST.at(img, 0, H, W, 2.9, -1));
        assertEquals(img[2 * W + 3], centred.at(img, 0, H, W, 2.9, 3.99));
    }

    @Test
    void unitSumNormalisesLanczosAndLeavesKernelsThatSumToOneUntouched() {
        float[] flat = new float[H * W];
        java.util.Arrays.fill(flat, 100f);
        Interpolator raw = new Interpolator(Kernel.LANCZOS3, Border.NEAREST, Normalisation.NONE);
        Interpolator unit = Interpolator.normalised(Kernel.LANCZOS3, Border.NEAREST);
        assertEquals(100f, unit.at(flat, 0, H, W, 6.5, 6.25), 1e-4);
        assertTrue(Math.abs(raw.at(flat, 0, H, W, 6.5, 6.25) - 100f) > 0.01, "raw Lanczos-3 weights do not sum to 1");
        float[] img = image(5);
        for (Kernel k : new Kernel[] {Kernel.NEAREST, Kernel.LINEAR, Kernel.CATMULL_ROM}) {
            assertTrue(k.sumsToOne());
            assertEquals(new Interpolator(k, Border.ZERO, Normalisation.NONE).at(img, 0, H, W, 4.3, 7.7),
                    Interpolator.normalised(k, Border.ZERO).at(img, 0, H, W, 4.3, 7.7), 0f, k.name());
        }
    }

    @Test
    void everyKernelReturnsTheSamplesAtTheirCentres() {
        float[] img = image(6);
        for (Interpolator ip : family()) {
            for (int y = 0; y < H; y += 4) {
                for (int x = 0; x < W; x += 3) {
                    assertEquals(img[y * W + x], ip.at(img, 0, H, W, y + 0.5, x + 0.5), 1e-4, ip.toString());
                }
            }
        }
    }

    @Test
    void samplingPlacesOutputPixelsAtTheirCentresOrAtNanoPyxsIntegerCoordinates() {
        assertEquals(0.25, Sampling.CENTRED.position(0, 2f));
        assertEquals(1.25, Sampling.CENTRED.position(2, 2f));
        assertEquals(0.0, Sampling.NANOPYX.position(0, 2f));
        assertEquals((double) (7 / 3f), Sampling.NANOPYX.position(7, 3f));
    }

    @Test
    void fourierOnlyShiftsAndSaysSoWhenAskedForPointsOrWarps() {
        Interpolator fourier = Interpolator.normalised(Kernel.FOURIER, Border.ZERO);
        float[] img = image(7);
        var e = assertThrows(IllegalArgumentException.class, () -> fourier.at(img, 0, H, W, 1, 1));
        assertTrue(e.getMessage().contains("FOURIER has no spatial kernel"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> fourier.warp(img, 0, H, W, new float[H * W], new float[H * W], new float[H * W], 0));
        float[] out = new float[H * W];
        fourier.shift(img, 0, H, W, 0, 0, out, 0);
        assertArrayEquals(img, out, 1e-3f);
    }

    @Test
    void nanoPyxNamesSelectItsFourKernelsAndAnUnknownNameIsRefused() {
        assertEquals(Interpolator.NANOPYX_NEAREST, Interpolator.nanopyx("nearest_neighbor"));
        assertEquals(Interpolator.NANOPYX_BICUBIC, Interpolator.nanopyx("BICUBIC"));
        assertEquals(Interpolator.NANOPYX_CATMULL_ROM, Interpolator.nanopyx("catmull_rom"));
        assertEquals(Interpolator.NANOPYX_LANCZOS, Interpolator.nanopyx("lanczos"));
        var e = assertThrows(IllegalArgumentException.class, () -> Interpolator.nanopyx("spline"));
        assertTrue(e.getMessage().contains("'spline'"), e.getMessage());
    }

    @Test
    void aShiftByANonFiniteAmountIsRefused() {
        Interpolator ip = Interpolator.normalised(Kernel.LANCZOS3, Border.ZERO);
        var e = assertThrows(IllegalArgumentException.class,
                () -> ip.shift(new float[4], 0, 2, 2, Double.NaN, 0, new float[4], 0));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
