package org.flowscope.methods.nlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;

class NlmCpuTest {

    /** A NanoPyx case: the classic algorithm is the threaded runtype's, so the case's CPU-only tolerance applies. */
    private static void assertMatchesNanoPyx(Path json) {
        JsonNode c = ReferenceData.json(json);
        assertEquals("threaded", c.at("/runtype").asText(), "classic NLM is NanoPyx's threaded runtype");
        Path dir = json.getParent();
        ImageStack image = ReferenceData.tiff(input(dir, c.at("/input").asText())).toImageStack();
        ImageStack expected = ReferenceData.tiff(dir.resolve(c.at("/output").asText())).toImageStack();
        JsonNode p = c.at("/params");
        NlmParams params = new NlmParams(p.get("patch_size").asInt(), p.get("patch_distance").asInt(),
                (float) p.get("h").asDouble(), (float) p.get("sigma").asDouble());

        ImageStack out = NlmCpu.compute(params, image);

        Tolerance cpuOnly = new Tolerance(c.at("/tolerance_suggestion/abs_cpu_only").asDouble(), 0);
        assertNull(cpuOnly.firstViolation(expected.data(), out.data()), json.getFileName().toString());
        assertTrue(new Nlm().tolerance().relToMax() <= c.at("/tolerance_suggestion/rel_to_max").asDouble(),
                "the operation's tolerance must not be looser than the case's");
    }

    /** The case's input: bundled next to it, or in ../shared one folder up (reference/inputs). */
    static Path input(Path dir, String name) {
        Path bundled = dir.resolve(name);
        return java.nio.file.Files.exists(bundled) ? bundled : dir.getParent().resolve(name);
    }

    @Test
    void matchesNanoPyxThreadedOnTheBundledCaseWithNoiseVariance() {
        assertMatchesNanoPyx(ReferenceData.resource("reference/nlm/nlm256_p5_d10_h0.1_s0.1.json"));
    }

    @Test
    void matchesNanoPyxThreadedOnTheSharedCaseWithNanoPyxDefaults() {
        assertMatchesNanoPyx(ReferenceData.sharedOrSkip("reference/nlm/nlm256_p7_d11_h0.1_s0.0.json"));
    }

    @Test
    void aZeroDistanceReturnsTheInput() {
        ImageStack in = NlmScenes.noisyPiecewise(2, 9, 11, 3);
        assertArrayEquals(in.data(), NlmCpu.compute(new NlmParams(3, 0, 0.1f, 0.05f), in).data());
    }

    @Test
    void aHugeCutOffAveragesTheWindowAndATinyOneKeepsThePixel() {
        // 1x5 flat-patch geometry is impossible (patch 3 > 1 row), so a 3x5 image: with h huge every weight is
        // exp(-~0) = 1 and the output is the plain mean of the clipped window
        float[] px = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        ImageStack in = new ImageStack(1, 3, 5, px);
        ImageStack mean = NlmCpu.compute(new NlmParams(3, 1, 1e6f, 0f), in);
        // pixel (0,0): window rows 0-1, cols 0-1 -> (1+2+6+7)/4
        assertEquals((1 + 2 + 6 + 7) / 4f, mean.get(0, 0, 0), 1e-5f);
        // pixel (1,2): full 3x3 window around 8
        assertEquals(8f, mean.get(0, 1, 2), 1e-5f);
        ImageStack kept = NlmCpu.compute(new NlmParams(3, 1, 1e-3f, 0f), in);
        assertArrayEquals(px, kept.data(), 1e-6f);
    }

    @Test
    void framesAreIndependent() {
        ImageStack two = NlmScenes.noisyPiecewise(2, 20, 17, 5);
        NlmParams p = new NlmParams(5, 4, 0.1f, 0f);
        ImageStack both = NlmCpu.compute(p, two);
        ImageStack second = NlmCpu.compute(p, two.frames(1, 2));
        float[] tail = java.util.Arrays.copyOfRange(both.data(), 20 * 17, 2 * 20 * 17);
        assertArrayEquals(second.data(), tail);
    }

    @Test
    void patchWeightsAreTheNormalisedGaussianSummingToOneOverHSquared() {
        float[] w = new NlmParams(7, 11, 0.1f, 0f).patchWeights();
        double sum = 0;
        for (float v : w) {
            sum += v;
        }
        assertEquals(100.0, sum, 1e-3);
        assertEquals(w[0], w[48], 0f);
        assertTrue(w[24] > w[23] && w[23] > w[22], "peaks at the centre");
        // A = 1.5: the corner weight relative to the centre is exp(-18 / 4.5)
        assertEquals(Math.exp(-4.0), w[0] / w[24], 1e-6);
    }

    @Test
    void rejectsBadParametersNamingTheRuleAndTheValue() {
        var even = assertThrows(IllegalArgumentException.class, () -> new NlmParams(6, 11, 0.1f, 0f));
        assertTrue(even.getMessage().contains("odd") && even.getMessage().contains("6"), even.getMessage());
        var negH = assertThrows(IllegalArgumentException.class, () -> new NlmParams(7, 11, -0.1f, 0f));
        assertTrue(negH.getMessage().contains("h must be") && negH.getMessage().contains("-0.1"), negH.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NlmParams(7, 11, 0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new NlmParams(7, 11, Float.NaN, 0f));
        assertThrows(IllegalArgumentException.class, () -> new NlmParams(7, -1, 0.1f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new NlmParams(7, 11, 0.1f, -1f));
        assertThrows(IllegalArgumentException.class, () -> new NlmParams(1, 11, 0.1f, 0f));
    }

    @Test
    void refusesAPatchLargerThanTheImageAndNonFinitePixels() {
        var big = assertThrows(IllegalArgumentException.class,
                () -> new Nlm().validate(new NlmParams(7, 2, 0.1f, 0f), ImageStack.zeros(1, 5, 40)));
        assertTrue(big.getMessage().contains("patch size 7 is larger than the image (40x5)"), big.getMessage());
        float[] px = new float[25];
        px[7] = Float.NaN;
        var nan = assertThrows(IllegalArgumentException.class,
                () -> new Nlm().validate(new NlmParams(3, 2, 0.1f, 0f), new ImageStack(1, 5, 5, px)));
        assertTrue(nan.getMessage().contains("row 1 column 2"), nan.getMessage());
    }
}
