package org.flowscope.methods.nlmfast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.nlm.NlmScenes;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;

class NlmFastCpuTest {

    /**
     * A NanoPyx fast-mode case (the unthreaded runtype), with the case's tolerance: NanoPyx sums patches through a
     * float32 integral image of the padded frame, whose rounding the case's tolerance covers (its outputs differ from
     * scikit-image's by up to 3e-3); this reference sums each box directly.
     */
    private static void assertMatchesNanoPyx(Path json) {
        JsonNode c = ReferenceData.json(json);
        assertEquals("unthreaded", c.at("/runtype").asText(), "fast NLM is NanoPyx's unthreaded runtype");
        Path dir = json.getParent();
        Path bundled = dir.resolve(c.at("/input").asText());
        Path input = Files.exists(bundled) ? bundled : dir.getParent().resolve(c.at("/input").asText());
        ImageStack image = ReferenceData.tiff(input).toImageStack();
        ImageStack expected = ReferenceData.tiff(dir.resolve(c.at("/output").asText())).toImageStack();
        JsonNode p = c.at("/params");
        NlmFastParams params = new NlmFastParams(p.get("patch_size").asInt(), p.get("patch_distance").asInt(),
                (float) p.get("h").asDouble(), (float) p.get("sigma").asDouble());

        ImageStack out = NlmFastCpu.compute(params, image);

        Tolerance tolerance = new Tolerance(c.at("/tolerance_suggestion/abs").asDouble(), 0);
        assertNull(tolerance.firstViolation(expected.data(), out.data()), json.getFileName().toString());
    }

    @Test
    void matchesNanoPyxUnthreadedOnTheBundledCaseWithNanoPyxDefaults() {
        assertMatchesNanoPyx(ReferenceData.resource("reference/nlm/nlm256_p7_d11_h0.1_s0.0_fastmode.json"));
    }

    @Test
    void matchesNanoPyxUnthreadedOnTheSharedCaseWithNoiseVariance() {
        assertMatchesNanoPyx(ReferenceData.sharedOrSkip("reference/nlm/nlm256_p5_d10_h0.1_s0.1_fastmode.json"));
    }

    @Test
    void aZeroDistanceReturnsTheInput() {
        ImageStack in = NlmScenes.noisyPiecewise(2, 9, 11, 3);
        assertArrayEquals(in.data(), NlmFastCpu.compute(new NlmFastParams(3, 0, 0.1f, 0.05f), in).data());
    }

    /**
     * The formula evaluated pixel by pixel in double precision, with the compared box rows {@code r+lo .. r+hi} and
     * columns {@code c+lo .. c+hi} around each pixel (reflected padding by index).
     */
    private static float[] direct(ImageStack in, int d, double h, int lo, int hi, int s) {
        int rows = in.height();
        int cols = in.width();
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double num = 0;
                double den = 0;
                for (int tr = -d; tr <= d; tr++) {
                    for (int tc = -d; tc <= d; tc++) {
                        double sum = 0;
                        for (int a = lo; a <= hi; a++) {
                            for (int b = lo; b <= hi; b++) {
                                double t = at(in, r + a, c + b) - at(in, r + tr + a, c + tc + b);
                                sum += t * t;
                            }
                        }
                        double dist = sum / (s * s * h * h);
                        if (dist <= 5) {
                            num += Math.exp(-dist) * at(in, r + tr, c + tc);
                            den += Math.exp(-dist);
                        }
                    }
                }
                out[r * cols + c] = (float) (num / den);
            }
        }
        return out;
    }

    private static double at(ImageStack in, int r, int c) {
        return in.get(0, org.flowscope.methods.nlm.MirrorPad.index(r, in.height()),
                org.flowscope.methods.nlm.MirrorPad.index(c, in.width()));
    }

    @Test
    void comparesTheBoxOfSideSMinusOneBelowAndRightOfThePixelLikeNanoPyx() {
        // the NanoPyx/scikit-image quirk: patch 5 compares rows r-1 .. r+2 and columns c-1 .. c+2
        ImageStack in = NlmScenes.noisyPiecewise(1, 12, 10, 8);
        float[] out = NlmFastCpu.compute(new NlmFastParams(5, 3, 0.3f, 0f), in).data();
        float[] quirk = direct(in, 3, 0.3f, -1, 2, 5);
        float[] centred = direct(in, 3, 0.3f, -2, 2, 5);
        double worstQuirk = 0;
        double worstCentred = 0;
        for (int i = 0; i < out.length; i++) {
            worstQuirk = Math.max(worstQuirk, Math.abs(out[i] - quirk[i]));
            worstCentred = Math.max(worstCentred, Math.abs(out[i] - centred[i]));
        }
        assertTrue(worstQuirk < 1e-5, "differs from the formula by " + worstQuirk);
        assertTrue(worstCentred > 1e-2, "a centred 5x5 box would give nearly the same output: " + worstCentred);
    }

    @Test
    void framesAreIndependent() {
        ImageStack two = NlmScenes.noisyPiecewise(2, 20, 17, 5);
        NlmFastParams p = new NlmFastParams(5, 4, 0.1f, 0f);
        float[] both = NlmFastCpu.compute(p, two).data();
        float[] second = NlmFastCpu.compute(p, two.frames(1, 2)).data();
        assertArrayEquals(second, java.util.Arrays.copyOfRange(both, 20 * 17, 2 * 20 * 17));
    }

    @Test
    void theCutOffKeepsExactlyTheBoxSumsWhoseNormalisedDistanceIsAtMostFive() {
        for (float h : new float[] {0.1f, 0.37f, 3f, 1234.5f}) {
            NlmFastParams p = new NlmFastParams(7, 3, h, 0f);
            float t = p.cutoff();
            assertTrue(t / p.h2s2() <= 5f, "cut-off " + t + " itself is kept");
            assertTrue(Math.nextUp(t) / p.h2s2() > 5f, "the next float is dropped");
        }
    }

    @Test
    void rejectsAPatchLargerThanTheImageNamingBoth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new NlmFast().validate(new NlmFastParams(5, 2, 0.1f, 0f), ImageStack.zeros(3, 4, 30)));
        assertTrue(e.getMessage().contains("nlm-fast patch size 5 is larger than the image (30x4)"), e.getMessage());
    }
}
