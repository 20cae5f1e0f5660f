package org.flowscope.methods.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The helpers reproduce SciPy 1.17's outputs (expected values computed with SciPy, inputs given here). */
class ScipyCompatibilityTest {
    private static double[] ramp() {
        double[] a = new double[20];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.pow(i, 1.5);
        }
        return a;
    }

    private static double[] wave() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.7) + 0.1 * i;
        }
        return x;
    }

    @Test
    void gaussianFilterMatchesNdimageWithReflectBoundary() {
        double[] expected = {10.462123392615123, 11.969974287049315, 14.473960834364174, 17.163112983453004,
            18.973790541935408, 19.9654226626334, 21.904448131987497, 25.05152954066206, 28.349033338750573,
            30.534003818951604, 34.6118671139066, 37.10316959177831, 41.0794349498564, 45.16770743618284,
            47.84207609218076, 45.91097153168693, 48.75872020793849, 53.2739695423915, 57.88069617851923,
            60.877918687374006};
        assertArrayEquals(expected, GaussianFilter.filter(ramp(), 4, 5, 1.3), 1e-12);
    }

    @Test
    void gaussianFilterWiderThanTheImageReflectsRepeatedly() {
        double[] expected = {30.185398293381944, 30.701100288353604, 31.53593067961062, 32.37120843924664,
            32.8876324733268, 31.35193160316799, 31.876550076239173, 32.72580111511451, 33.575490300625425,
            34.100815933361886, 33.00196507816773, 33.53919328357013, 34.40883808277114, 35.27890798869193,
            35.816822313628656, 34.16876426173272, 34.714906645074656, 35.59896837571943, 36.48344599862462,
            37.03025963380766};
        assertArrayEquals(expected, GaussianFilter.filter(ramp(), 4, 5, 3.0), 1e-12);
    }

    @Test
    void gaussianFilterWithZeroOrNegativeSigmaIsIdentityAndRejectsNaN() {
        assertArrayEquals(ramp(), GaussianFilter.filter(ramp(), 4, 5, -0.5), 0);
        assertThrows(IllegalArgumentException.class, () -> GaussianFilter.filter(ramp(), 4, 5, Double.NaN));
    }

    @Test
    void savitzkyGolayMatchesSignalInterpModeForEvenWindow() {
        double[] expected = {-0.06435958185685221, 0.8743246747885933, 1.1935306675617037, 1.069623447418715,
            0.44279430205749537, -0.007638904478019612, -0.1958058208892842, 0.013822956344195086,
            0.5696873002926157, 1.2573870869201738, 1.8005179235134499, 1.9906684535123054, 1.7854394740173902,
            1.328384943419528, 0.8814963116760378, 0.7019838476664755, 0.7404084755789833, 1.0416344047166888,
            1.6697088318929503, 2.657847277453737};
        assertArrayEquals(expected, SavitzkyGolay.smooth(wave(), 8, 3), 1e-12);
    }

    @Test
    void savitzkyGolayMatchesSignalInterpModeForOddWindow() {
        double[] expected = {-0.01341349678865315, 0.7772726326590061, 1.1667658744564249, 1.1468431547462574,
            0.728636867069623, 0.15586752571744694, -0.2550509357614048, -0.2638255816122501, 0.18070200375928938,
            0.916495113560958, 1.6445303137116487, 2.069432836259792, 2.0383959481090397, 1.613048345264549,
            1.0404692141268148, 0.6369830294087345, 0.6393872109718715, 1.0935825972038122, 1.7305427014785777,
            2.6191566501610732};
        assertArrayEquals(expected, SavitzkyGolay.smooth(wave(), 5, 2), 1e-12);
    }

    @Test
    void savitzkyGolayRejectsWindowLongerThanSignal() {
        assertThrows(IllegalArgumentException.class, () -> SavitzkyGolay.smooth(new double[5], 8, 3));
    }
}
