package org.flowscope.methods.decorr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecorrBandLimitedTest {
    @ParameterizedTest(name = "cut-off {0} cycles/px on {1} px")
    @CsvSource({"0.25, 256", "0.125, 256", "0.2, 200"})
    void findsTheCutOffOfNoisyBandLimitedImageWithinFivePercent(double cutoff, int size) {
        BandLimitedNoise sample = new BandLimitedNoise(size, cutoff, 7);
        DecorrResult r = DecorrCpu.compute(DecorrParams.defaults().withPixelSize(50), sample.realisation(0.5, 3));
        assertEquals(1 / cutoff, r.resolutionPx(), 0.05 / cutoff, "kc_max " + r.kcMax());
        assertEquals(50 * r.resolutionPx(), r.resolutionNm(), 1e-9);
    }
}
