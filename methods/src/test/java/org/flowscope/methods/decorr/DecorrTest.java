package org.flowscope.methods.decorr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecorrTest {
    @ParameterizedTest
    @ValueSource(strings = {"pair256_a", "pair256_clean"})
    void matchesNanoPyxReference(String name) {
        JsonNode ref = ReferenceData.json(ReferenceData.resource("reference/decorr/" + name + "_decorr.json"));
        ImageStack img = ReferenceData.tiff(ReferenceData.resource("reference/inputs/" + name + ".tif")).toImageStack();
        DecorrResult r = DecorrCpu.compute(DecorrParams.defaults().withPixelSize(100), img);
        double expected = ref.get("decorr_resolution").asDouble();
        double rel = ref.get("tolerance_suggestion").get("rel_to_max").asDouble();
        assertEquals(expected, r.resolutionPx(), rel * expected, "resolution px, kc_max " + r.kcMax());
        assertEquals(ref.get("kc_max").get(0).asDouble(), r.kcMax(), 1e-5, "kc_max: same refined-series sample as NanoPyx");
        assertEquals(100 * r.resolutionPx(), r.resolutionNm(), 1e-9);

        ReferenceData.Stack curve = ReferenceData.tiff(ReferenceData.resource("reference/decorr/" + ref.get("output").asText()));
        float[] refD0 = new float[curve.height()];
        float[] d0 = new float[curve.height()];
        for (int i = 0; i < refD0.length; i++) {
            refD0[i] = curve.data()[2 * i + 1];
            d0[i] = (float) r.d0().d()[i];
            assertEquals(curve.data()[2 * i], r.d0().radius(i), 1e-6, "radius axis");
        }
        assertNull(new Tolerance(1e-4, 1e-3).firstViolation(refD0, d0), "d0 curve");
    }

    @Test
    void anInterruptedThreadStopsTheAnalysisBetweenSeries() {
        ImageStack img = new org.flowscope.methods.numerics.scenes.BandLimitedNoise(64, 0.2, 1).realisation(0.3, 1);
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> DecorrCpu.compute(DecorrParams.defaults(), img));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsConstantImage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DecorrCpu.compute(DecorrParams.defaults(), ImageStack.ofImage(64, 64, new float[64 * 64])));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void rejectsTooSmallImage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DecorrCpu.compute(DecorrParams.defaults(), ImageStack.ofImage(32, 64, new float[32 * 64])));
        assertTrue(e.getMessage().contains("32x64"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeParameters() {
        assertThrows(IllegalArgumentException.class, () -> new DecorrParams(0.5, 0.4, 50, 10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new DecorrParams(0, 1, 5, 10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new DecorrParams(0, 1, 50, 41, Double.NaN));
    }
}
