package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.methods.esrrf.EsrrfCpu;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import org.junit.jupiter.api.Test;

class BlockReconstructionsTest {
    private static final ImageStack BLOCK = BlinkingEmitters.stack(7, 14, 2.5, 6, 0.4, 3);

    private static BlockReconstructions of(EsrrfParams p, ResolutionMetric metric) {
        try (CpuDevice cpu = CpuDevice.withCores(1)) {
            return BlockReconstructions.of(new ReferenceSteps(() -> cpu), p, BLOCK, metric);
        }
    }

    /** Every pixel within 1e-5 of the largest value of the direct reconstruction. */
    private static void assertClose(ImageStack expected, ImageStack actual) {
        assertEquals(expected.frames(), actual.frames());
        float max = 0;
        for (float v : expected.data()) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], 1e-5 * max, "pixel " + i);
        }
    }

    private static ImageStack everyOther(int first) {
        int n = (BLOCK.frames() - first + 1) / 2;
        float[] d = new float[n * BLOCK.frameSize()];
        for (int k = 0; k < n; k++) {
            System.arraycopy(BLOCK.data(), BLOCK.offset(first + 2 * k), d, k * BLOCK.frameSize(), BLOCK.frameSize());
        }
        return new ImageStack(n, BLOCK.height(), BLOCK.width(), d);
    }

    @Test
    void avgHalvesAndTheirWeightedMeanEqualESrrfOfTheHalvesAndOfTheWholeOddSizedBlock() {
        EsrrfParams p = EsrrfParams.defaults().withMagnification(3).withRadius(1.5f).withSensitivity(2);
        BlockReconstructions r = of(p, ResolutionMetric.FRC);
        assertClose(EsrrfCpu.apply(p, BLOCK), r.full());
        assertClose(EsrrfCpu.apply(p, everyOther(0)), r.even());
        assertClose(EsrrfCpu.apply(p, everyOther(1)), r.odd());
    }

    @Test
    void varHalvesComeFromTheReorderedBlockAndTheWholeFromItsOwnCall() {
        EsrrfParams p = EsrrfParams.defaults().withMagnification(2).withTemporal(TemporalCorrelation.VAR);
        BlockReconstructions r = of(p, ResolutionMetric.FRC);
        assertClose(EsrrfCpu.apply(p, BLOCK), r.full());
        assertClose(EsrrfCpu.apply(p, everyOther(0)), r.even());
        assertClose(EsrrfCpu.apply(p, everyOther(1)), r.odd());
    }

    @Test
    void decorrelationNeedsOnlyTheWholeBlock() {
        EsrrfParams p = EsrrfParams.defaults().withMagnification(2).withMacroPixelCorrection(false);
        BlockReconstructions r = of(p, ResolutionMetric.DECORR);
        assertClose(EsrrfCpu.apply(p, BLOCK), r.full());
        assertNull(r.even());
        assertNull(r.odd());
    }
}
