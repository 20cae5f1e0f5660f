package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import org.junit.jupiter.api.Test;

class EsrrfSweepParamsTest {
    private static final EsrrfParams X3 = EsrrfParams.defaults().withMagnification(3);

    private static EsrrfSweepParams params(List<Float> r, List<Float> s, List<Integer> f) {
        return new EsrrfSweepParams(r, s, f, X3, ResolutionMetric.FRC, Double.NaN);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void axesAreSortedAscending() {
        EsrrfSweepParams p = params(List.of(2f, 1f, 1.5f), List.of(4f, 1f), List.of(100, 50));
        assertEquals(List.of(1f, 1.5f, 2f), p.radii());
        assertEquals(List.of(1f, 4f), p.sensitivities());
        assertEquals(List.of(50, 100), p.frameCounts());
        assertEquals(12, p.combinations(200));
    }

    @Test
    void noFrameCountMeansTheWholeStack() {
        assertEquals(List.of(37), params(List.of(1f), List.of(1f), List.of()).frameCounts(37));
    }

    @Test
    void emptyAxesAreRefusedByName() {
        assertEquals("the sweep needs at least one radius value, got none", message(() -> params(List.of(), List.of(1f), List.of())));
        assertEquals("the sweep needs at least one sensitivity value, got none",
                message(() -> params(List.of(1f), List.of(), List.of())));
    }

    @Test
    void aRadiusOfZeroOrLessIsRefusedWithItsValue() {
        assertEquals("radius must be finite and > 0 input pixels, got 0.0", message(() -> params(List.of(0f, 1f), List.of(1f), List.of())));
        assertTrue(message(() -> params(List.of(-1f), List.of(1f), List.of())).contains("got -1.0"));
    }

    @Test
    void aSensitivityBelowOneIsRefused() {
        assertEquals("sensitivity must be finite and >= 1, got 0.5", message(() -> params(List.of(1f), List.of(0.5f), List.of())));
    }

    @Test
    void repeatedValuesAreRefused() {
        assertEquals("radius values must differ, got [1.0, 2.0, 1.0]", message(() -> params(List.of(1f, 2f, 1f), List.of(1f), List.of())));
    }

    @Test
    void frcNeedsTwoFramesPerReconstructionAndTac2Four() {
        assertEquals("frames per reconstruction must be >= 2 for FRC with AVG, got 1",
                message(() -> params(List.of(1f), List.of(1f), List.of(1, 10))));
        assertTrue(message(() -> new EsrrfSweepParams(List.of(1f), List.of(1f), List.of(3),
                X3.withTemporal(TemporalCorrelation.TAC2), ResolutionMetric.FRC, Double.NaN)).contains(">= 4 for FRC with TAC2, got 3"));
        new EsrrfSweepParams(List.of(1f), List.of(1f), List.of(1), X3, ResolutionMetric.DECORR, Double.NaN);
    }

    @Test
    void moreFramesThanTheStackIsRefusedByTheOperation() {
        EsrrfSweepParams p = params(List.of(1f), List.of(1f), List.of(10, 40));
        ImageStack stack = BlinkingEmitters.stack(30, 16, 2, 4, 0.5, 1);
        assertEquals("frames per reconstruction 40 is more than the stack's 30 frames",
                message(() -> new EsrrfSweep().validate(p, stack)));
    }

    @Test
    void reconstructionsTooSmallForTheResolutionMetricAreRefused() {
        ImageStack stack = BlinkingEmitters.stack(4, 12, 2, 4, 0.5, 1);
        EsrrfSweepParams decorr = new EsrrfSweepParams(List.of(1f), List.of(1f), List.of(), X3, ResolutionMetric.DECORR, Double.NaN);
        assertEquals("DECORR needs reconstructions of at least 48x48 pixels, got 36x36 (12x12 at magnification 3)",
                message(() -> new EsrrfSweep().validate(decorr, stack)));
    }
}
