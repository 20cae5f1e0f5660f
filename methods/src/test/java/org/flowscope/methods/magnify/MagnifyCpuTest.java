package org.flowscope.methods.magnify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.methods.reference.NanoPyxCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MagnifyCpuTest {
    private static final InterpolatorChoice[] SPATIAL = {InterpolatorChoice.NEAREST, InterpolatorChoice.BILINEAR,
            InterpolatorChoice.BICUBIC, InterpolatorChoice.CATMULL_ROM, InterpolatorChoice.LANCZOS};

    @TestFactory
    List<DynamicTest> matchesEveryNanoPyxReferenceCase() {
        List<NanoPyxCase> cases = NanoPyxCase.bundled("shift_and_magnify", "interp_2x24x20");
        assertEquals(12, cases.size(), "bundled shift_and_magnify cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            var p = c.params();
            InterpolatorChoice k = InterpolatorChoice.parse(p.get("interpolator").asText());
            MagnifyParams params = MagnifyParams.of(k, Sampling.NANOPYX, (float) p.get("shift_row").asDouble(),
                    (float) p.get("shift_col").asDouble(), (float) p.get("magnification_row").asDouble(),
                    (float) p.get("magnification_col").asDouble());
            assertEquals(Interpolator.nanopyx(p.get("interpolator").asText()), params.interpolator());
            c.assertMatches(MagnifyCpu.apply(params, c.input()));
        })).toList();
    }

    @Test
    void catmullRomAtUnitMagnificationIsTheHalfPixelShiftedInputAsInNanoPyx() {
        float[] px = {0, 0, 0, 0, 8, 0, 0, 0, 0};
        ImageStack out = MagnifyCpu.apply(MagnifyParams.catmullRom(1), ImageStack.ofImage(1, 9, px));
        // output 4 sits at x = 4, halfway between inputs 3 and 4: K(0.5) = 0.5625; the single row is queried at
        // y = 0, also halfway, with the tap above the image skipped
        assertEquals(8 * 0.5625 * 0.5625, out.get(0, 0, 4), 1e-6);
        assertEquals(8 * 0.5625 * 0.5625, out.get(0, 0, 5), 1e-6);
        assertEquals(8 * 0.5625 * -0.0625, out.get(0, 0, 3), 1e-6);
    }

    @Test
    void centredUnitMagnificationWithoutShiftIsTheIdentityForEveryInterpolator() {
        ImageStack in = MagnifyCases.image(new SplittableRandom(3), 2, 9, 7);
        for (InterpolatorChoice c : SPATIAL) {
            ImageStack out = MagnifyCpu.apply(MagnifyParams.of(c, Sampling.CENTRED, 0, 0, 1, 1), in);
            assertArrayEquals(in.data(), out.data(), 1e-3f, c.cliName());
        }
    }

    @Test
    void centredMagnificationPutsASpotAtItsMagnifiedPosition() {
        // a Gaussian spot at input position (y, x) = (7.3, 9.6) (pixel k centred at k + 0.5) appears at (7.3 M, 9.6 M)
        int h = 16;
        int w = 20;
        float[] px = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double dy = r + 0.5 - 7.3;
                double dx = c + 0.5 - 9.6;
                px[r * w + c] = (float) (100 * Math.exp(-(dy * dy + dx * dx) / (2 * 1.5 * 1.5)));
            }
        }
        for (InterpolatorChoice c : new InterpolatorChoice[] {InterpolatorChoice.CATMULL_ROM, InterpolatorChoice.LANCZOS,
                InterpolatorChoice.BILINEAR}) {
            for (float m : new float[] {3f, 4.5f}) {
                ImageStack out = MagnifyCpu.apply(MagnifyParams.of(c, Sampling.CENTRED, 0, 0, m, m), ImageStack.ofImage(h, w, px));
                double[] centroid = centroid(out);
                assertEquals(7.3 * m, centroid[0], 0.03 * m, c + " x" + m + " rows");
                assertEquals(9.6 * m, centroid[1], 0.03 * m, c + " x" + m + " cols");
            }
        }
    }

    /** Intensity-weighted centre in output pixel units, pixel centres at k + 0.5. */
    private static double[] centroid(ImageStack s) {
        double sum = 0;
        double sy = 0;
        double sx = 0;
        for (int r = 0; r < s.height(); r++) {
            for (int c = 0; c < s.width(); c++) {
                double v = s.get(0, r, c);
                sum += v;
                sy += v * (r + 0.5);
                sx += v * (c + 0.5);
            }
        }
        return new double[] {sy / sum, sx / sum};
    }

    @Test
    void aCentredShiftMovesContentDownAndRightAndLeavesZerosWhereThereIsNoData() {
        ImageStack in = MagnifyCases.image(new SplittableRandom(5), 1, 6, 5);
        for (InterpolatorChoice c : SPATIAL) {
            ImageStack out = MagnifyCpu.apply(MagnifyParams.of(c, Sampling.CENTRED, 2, 1, 1, 1), in);
            for (int r = 0; r < 6; r++) {
                for (int col = 0; col < 5; col++) {
                    float expected = r < 2 || col < 1 ? 0f : in.get(0, r - 2, col - 1);
                    assertEquals(expected, out.get(0, r, col), 1e-3f, c + " at " + r + "," + col);
                }
            }
        }
    }

    @Test
    void bicubicAndCatmullRomAreOneInterpolatorInTheCentredGeometryButNotInNanoPyxs() {
        ImageStack in = MagnifyCases.image(new SplittableRandom(9), 1, 11, 13);
        float[] bc = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.BICUBIC, Sampling.CENTRED, 0.3f, -0.2f, 3, 3), in).data();
        float[] cr = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, 0.3f, -0.2f, 3, 3), in).data();
        assertArrayEquals(cr, bc);
        float[] bcN = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.BICUBIC, Sampling.NANOPYX, 0, 0, 3, 3), in).data();
        float[] crN = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.CATMULL_ROM, Sampling.NANOPYX, 0, 0, 3, 3), in).data();
        assertTrue(bcN[0] != crN[0], "NanoPyx's bicubic renormalises the edge that its Catmull-Rom attenuates");
    }

    @Test
    void nonIntegerAnisotropicMagnificationsTruncateTheOutputSizeAsNanoPyx() {
        ImageStack in = MagnifyCases.image(new SplittableRandom(1), 2, 24, 20);
        ImageStack out = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.LANCZOS, Sampling.CENTRED, 0, 0, 2.5f, 1.33f), in);
        assertEquals(2, out.frames());
        assertEquals(60, out.height());
        assertEquals(26, out.width());
    }

    @Test
    void rejectsMagnificationsAndShiftsThatAreNotFinitePositiveNumbers() {
        for (float m : new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new MagnifyParams(Interpolator.NANOPYX_CATMULL_ROM, 0, 0, m, 2));
            assertTrue(e.getMessage().contains("magnifications must be finite and > 0") && e.getMessage().contains("row=" + m),
                    e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> MagnifyParams.of(InterpolatorChoice.NEAREST, Sampling.CENTRED, Float.NaN, 0, 2, 2));
        assertTrue(e.getMessage().contains("shifts must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MagnifyParams.of(InterpolatorChoice.FOURIER, Sampling.CENTRED, 0, 0, 2, 2));
    }

    @Test
    void rejectsAMagnificationThatLeavesNoOutputPixelOrTooManyOfThem() {
        ImageStack in = ImageStack.zeros(1, 3, 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.NEAREST, Sampling.CENTRED, 0, 0, 0.2f, 1), in));
        assertTrue(e.getMessage().contains("magnified rows must be >= 1, got trunc(3 * 0.2) = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.NEAREST, Sampling.CENTRED, 0, 0, 3e4f, 3e4f), in));
        assertTrue(e.getMessage().contains("at most 2^31 pixels"), e.getMessage());
    }

    @Test
    void interpolatorNamesParseInEitherSpellingAndBadOnesAreNamed() {
        assertEquals(InterpolatorChoice.CATMULL_ROM, InterpolatorChoice.parse("catmull_rom"));
        assertEquals(InterpolatorChoice.CATMULL_ROM, InterpolatorChoice.parse("Catmull-Rom"));
        assertEquals(InterpolatorChoice.NEAREST, InterpolatorChoice.parse("nearest_neighbor"));
        var e = assertThrows(IllegalArgumentException.class, () -> InterpolatorChoice.parse("spline"));
        assertTrue(e.getMessage().contains("nearest|bilinear|bicubic|catmull-rom|lanczos|fourier, got 'spline'"), e.getMessage());
    }
}
