package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.junit.jupiter.api.Test;

class SweepDriverTest {
    private static SweepResult sweep(ImageStack stack, List<Float> radii) {
        EsrrfSweepParams p = new EsrrfSweepParams(radii, List.of(1f), List.of(), EsrrfParams.defaults().withMagnification(2),
                ResolutionMetric.FRC, Double.NaN);
        try (CpuDevice cpu = CpuDevice.withCores(1)) {
            return SweepDriver.run(p, stack, new ReferenceSteps(() -> cpu), null);
        }
    }

    private static ImageStack repeated(ImageStack frame, int times) {
        float[] d = new float[times * frame.frameSize()];
        for (int t = 0; t < times; t++) {
            System.arraycopy(frame.data(), 0, d, t * frame.frameSize(), frame.frameSize());
        }
        return new ImageStack(times, frame.height(), frame.width(), d);
    }

    @Test
    void identicalHalvesNeverCrossOneSeventhAndCountAtTheGridLimitOfTwoSrPixels() {
        ImageStack still = repeated(BlinkingEmitters.stack(1, 20, 2.5, 8, 1, 300, 20, 4), 4);
        SweepResult r = sweep(still, List.of(1.5f));
        SweepCell c = r.cells().get(0);
        assertEquals(1, c.gridLimitedBlocks(), c.toString());
        assertEquals(2.0 / 2, c.resolutionPx(), 1e-12, "2 SR px at x2 = 1 input px");
        assertTrue(Double.isFinite(c.qnr()) && c.problems().isEmpty(), c.toString());
        assertEquals(0, r.best());
    }

    @Test
    void aFlatStackHasNothingToMeasureAndNoBestCombination() {
        ImageStack flat = new ImageStack(4, 16, 16, new float[4 * 16 * 16]);
        java.util.Arrays.fill(flat.data(), 100);
        SweepResult r = sweep(flat, List.of(1f, 2f));
        assertEquals(-1, r.best());
        for (SweepCell c : r.cells()) {
            assertTrue(Double.isNaN(c.rsp()) && Double.isNaN(c.qnr()), c.toString());
            assertTrue(c.problems().stream().anyMatch(p -> p.contains("is constant")), c.problems().toString());
        }
    }
}
