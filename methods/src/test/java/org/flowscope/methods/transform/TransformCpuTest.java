package org.flowscope.methods.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.magnify.MagnifyCpu;
import org.flowscope.methods.magnify.MagnifyParams;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.junit.jupiter.api.Test;

class TransformCpuTest {
    private static final InterpolatorChoice[] SPATIAL = {InterpolatorChoice.NEAREST, InterpolatorChoice.BILINEAR,
            InterpolatorChoice.BICUBIC, InterpolatorChoice.CATMULL_ROM, InterpolatorChoice.LANCZOS};

    @Test
    void theCentredIdentityIsExactForEveryInterpolator() {
        ImageStack in = TransformCases.image(new SplittableRandom(1), 2, 9, 12);
        for (InterpolatorChoice c : SPATIAL) {
            ImageStack out = TransformCpu.apply(TransformParams.of(c, Sampling.CENTRED, 0, 0, 1, 1, 0), in);
            assertArrayEquals(in.data(), out.data(), 1e-3f, c.cliName());
        }
    }

    @Test
    void aCentredQuarterTurnOfASquareImagePermutesItsPixelsCounterClockwise() {
        int n = 8;
        ImageStack in = TransformCases.image(new SplittableRandom(2), 1, n, n);
        for (InterpolatorChoice c : SPATIAL) {
            ImageStack out = TransformCpu.apply(TransformParams.of(c, Sampling.CENTRED, 0, 0, 1, 1, (float) (Math.PI / 2)), in);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // the top row (i = 0) shows the input's last column read top-down: content turned counter-clockwise
                    assertEquals(in.get(0, j, n - 1 - i), out.get(0, i, j), 1e-3f, c + " at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void withoutRotationOrScaleATransformIsAUnitMagnificationWithTheSameShift() {
        ImageStack in = TransformCases.image(new SplittableRandom(3), 2, 11, 10);
        for (InterpolatorChoice c : SPATIAL) {
            for (Sampling g : Sampling.values()) {
                ImageStack t = TransformCpu.apply(TransformParams.of(c, g, 1.25f, -0.75f, 1, 1, 0), in);
                ImageStack m = MagnifyCpu.apply(MagnifyParams.of(c, g, 1.25f, -0.75f, 1, 1), in);
                assertArrayEquals(m.data(), t.data(), c + " " + g);
            }
        }
    }

    @Test
    void nanoPyxGeometryScalesAboutTheIntegerCentreAtIntegerCoordinates() {
        // 5x6 image, scale 2, nearest: x = (j - 3)/2 + 3, y = (i - 2)/2 + 2, I[trunc(y), trunc(x)]
        float[] px = new float[30];
        for (int k = 0; k < 30; k++) {
            px[k] = k;
        }
        ImageStack out = TransformCpu.apply(TransformParams.of(InterpolatorChoice.NEAREST, Sampling.NANOPYX, 0, 0, 2, 2, 0),
                ImageStack.ofImage(5, 6, px));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                int r = (int) ((i - 2) / 2f + 2);
                int c = (int) ((j - 3) / 2f + 3);
                assertEquals(r * 6 + c, out.get(0, i, j), 0f, i + "," + j);
            }
        }
    }

    @Test
    void rotatedCornersWithoutDataAreZero() {
        float[] px = new float[16 * 16];
        java.util.Arrays.fill(px, 5f);
        ImageStack out = TransformCpu.apply(TransformParams.of(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, 0, 0, 1, 1,
                (float) (Math.PI / 4)), ImageStack.ofImage(16, 16, px));
        assertEquals(0f, out.get(0, 0, 0));
        assertEquals(0f, out.get(0, 15, 15));
        assertEquals(5f, out.get(0, 8, 8), 1e-5f);
    }

    @Test
    void rejectsANonFiniteAngleANonPositiveScaleAndTheFourierInterpolator() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TransformParams.of(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, 0, 0, 1, 1, Float.NaN));
        assertTrue(e.getMessage().contains("angle must be finite (radians), got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransformParams.of(InterpolatorChoice.CATMULL_ROM, Sampling.CENTRED, 0, 0, 0, 1, 0));
        assertTrue(e.getMessage().contains("scales must be finite and > 0, got row=0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TransformParams.of(InterpolatorChoice.FOURIER, Sampling.CENTRED, 0, 0, 1, 1, 0));
        assertTrue(e.getMessage().contains("cannot rotate"), e.getMessage());
    }
}
