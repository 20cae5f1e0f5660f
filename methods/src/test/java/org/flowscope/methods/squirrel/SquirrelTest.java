package org.flowscope.methods.squirrel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;

class SquirrelTest {
    private static ImageStack load(String resource) {
        return ReferenceData.tiff(ReferenceData.resource(resource)).toImageStack();
    }

    @Test
    void matchesNanoPyxErrorMapReference() {
        JsonNode ref = ReferenceData.json(ReferenceData.resource("reference/squirrel/blink200_64_errormap.json"));
        ImageStack sr = load("reference/squirrel/blink200_64_AVG.tif");
        ImageStack mean = load("reference/squirrel/blink200_64_mean_ref.tif");
        SquirrelResult r = SquirrelCpu.compute(SquirrelParams.defaults(), new SquirrelInput(sr, mean));
        assertEquals(5, r.magnification());
        ImageStack expected = load("reference/squirrel/blink200_64_errormap.tif");
        double abs = ref.get("tolerance_suggestion").get("abs_cpu_only").asDouble();
        assertNull(new Tolerance(abs, 0).firstViolation(expected.data(), r.errorMap().data()),
                "error map (sigma " + r.sigma() + ", alpha " + r.alpha() + ", beta " + r.beta() + ")");
        assertEquals(ref.get("RSE").asDouble(), r.rse(), 1e-5 * ref.get("RSE").asDouble(), "RSE");
        // NanoPyx's float32, thread-count dependent Pearson sums put its RSP ~1e-5 off the double-precision value
        assertEquals(ref.get("RSP").asDouble(), r.rsp(), 3e-5, "RSP");
    }

    @Test
    void mapsEachRealReconstructionAgainstTheWidefieldReference() {
        String dir = "data/real/squirrel-fig3-microtubules/";
        ImageStack widefield = ReferenceData.tiff(ReferenceData.sharedOrSkip(dir + "widefield_reference_60x60.tif")).toImageStack();
        ImageStack srs = ReferenceData.tiff(ReferenceData.sharedOrSkip(dir + "sr_reconstructions_3x300x300.tif")).toImageStack();
        assertEquals(3, srs.frames());
        double[] rse = new double[3];
        double[] rsp = new double[3];
        for (int f = 0; f < 3; f++) {
            SquirrelResult r = SquirrelCpu.compute(SquirrelParams.defaults(), new SquirrelInput(srs.frame(f), widefield));
            assertEquals(5, r.magnification());
            assertEquals(300, r.errorMap().height());
            for (float v : r.errorMap().data()) {
                assertTrue(Float.isFinite(v) && v >= 0, "error map pixel " + v);
            }
            assertTrue(Double.isFinite(r.rse()) && r.rse() > 0, "RSE " + r.rse());
            assertTrue(Double.isFinite(r.rsp()) && r.rsp() > -1 && r.rsp() < 1, "RSP " + r.rsp());
            assertTrue(Double.isFinite(r.sigma()) && r.sigma() > 0, "sigma " + r.sigma());
            rse[f] = r.rse();
            rsp[f] = r.rsp();
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertTrue(Math.abs(rse[a] - rse[b]) > 1e-3 * Math.max(rse[a], rse[b]), "RSE of " + a + " and " + b + " differ");
                assertTrue(Math.abs(rsp[a] - rsp[b]) > 1e-4, "RSP of " + a + " and " + b + " differ");
            }
        }
    }

    @Test
    void fixedSigmaAtMagnificationOneFitsAnAffineIntensityChangeExactly() {
        ImageStack img = load("reference/squirrel/blink200_64_mean_ref.tif");
        float[] scaled = new float[img.data().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = 2 * img.data()[i] - 50;
        }
        // the reference is the "SR" image rescaled: with sigma 0 the fit inverts the scaling and the error vanishes
        SquirrelResult r = SquirrelCpu.compute(new SquirrelParams(1e-20, 10),
                new SquirrelInput(ImageStack.ofImage(64, 64, scaled), img));
        assertEquals(1, r.magnification());
        assertEquals(0.5, r.alpha(), 1e-5);
        assertEquals(25, r.beta(), 1e-3);
        assertEquals(0, r.rse(), 1e-3);
        assertEquals(1, r.rsp(), 1e-6);
    }

    @Test
    void rejectsNonIntegerMagnification() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SquirrelInput(ImageStack.zeros(1, 100, 100), ImageStack.zeros(1, 30, 30)));
        assertTrue(e.getMessage().contains("100x100"), e.getMessage());
    }

    @Test
    void rejectsDifferentMagnificationPerAxis() {
        assertThrows(IllegalArgumentException.class,
                () -> new SquirrelInput(ImageStack.zeros(1, 100, 150), ImageStack.zeros(1, 50, 50)));
    }

    @Test
    void rejectsConstantReference() {
        float[] sr = new float[40 * 40];
        for (int i = 0; i < sr.length; i++) {
            sr[i] = i % 7;
        }
        var in = new SquirrelInput(ImageStack.ofImage(40, 40, sr), ImageStack.ofImage(20, 20, new float[400]));
        var e = assertThrows(IllegalArgumentException.class, () -> SquirrelCpu.compute(SquirrelParams.defaults(), in));
        assertTrue(e.getMessage().contains("reference image must not be constant"), e.getMessage());
    }
}
