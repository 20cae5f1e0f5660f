package org.flowscope.methods.frc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrcBandLimitedTest {
    @ParameterizedTest(name = "cut-off {0} cycles/px on {1} px")
    @CsvSource({"0.25, 256", "0.125, 256", "0.2, 200"})
    void findsTheCutOffOfBandLimitedNoiseWithinFivePercent(double cutoff, int size) {
        BandLimitedNoise sample = new BandLimitedNoise(size, cutoff, 7);
        double noise = inBandSnrTwo(cutoff);
        FrcInput in = new FrcInput(sample.realisation(noise, 1), sample.realisation(noise, 2));
        FrcResult r = FrcCpu.compute(FrcParams.defaults().withPixelSize(50), in);
        assertEquals(1 / cutoff, r.resolutionPx(), 0.05 / cutoff);
        assertEquals(50 * r.resolutionPx(), r.resolutionNm(), 1e-9);
    }

    @ParameterizedTest(name = "cut-off {0} cycles/px from a 6-frame stack")
    @CsvSource({"0.25", "0.1"})
    void oddEvenSplitOfAStackFindsTheCutOff(double cutoff) {
        BandLimitedNoise sample = new BandLimitedNoise(128, cutoff, 11);
        float[] data = new float[6 * 128 * 128];
        for (int f = 0; f < 6; f++) {
            System.arraycopy(sample.realisation(inBandSnrTwo(cutoff) * Math.sqrt(3), 100 + f).data(), 0, data, f * 128 * 128, 128 * 128);
        }
        var stack = new org.flowscope.core.image.ImageStack(6, 128, 128, data);
        FrcResult r = FrcCpu.compute(FrcParams.defaults(), FrcInput.oddEven(stack));
        assertEquals(1 / cutoff, r.resolutionPx(), 0.05 / cutoff);
    }

    /**
     * White-noise level giving an in-band SNR of 2 (FRC 2/3 below the cut-off): the signal's unit variance is spread
     * over a disc of area pi fc^2, the noise's over the unit square. Much less noise would let the window's spectral
     * leakage past the cut-off stay correlated above 1/7.
     */
    private static double inBandSnrTwo(double cutoff) {
        return 1 / (cutoff * Math.sqrt(2 * Math.PI));
    }
}
