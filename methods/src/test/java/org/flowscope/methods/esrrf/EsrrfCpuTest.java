package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.methods.reference.NanoPyxCase;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EsrrfCpuTest {

    static EsrrfParams nanopyxParams(JsonNode p) {
        return new EsrrfParams(p.get("magnification").asInt(), (float) p.get("radius").asDouble(),
                (float) p.get("sensitivity").asDouble(), p.get("doIntensityWeighting").asBoolean(),
                TemporalCorrelation.valueOf(p.get("temporal_correlation").asText()),
                p.get("macro_pixel_correction").asBoolean(), p.get("frames_per_timepoint").asInt(), Geometry.NANOPYX);
    }

    @TestFactory
    List<DynamicTest> nanopyxGeometryMatchesEveryBundledWorkflowCase() {
        List<NanoPyxCase> cases = NanoPyxCase.bundled("esrrf", "blink100_32_").stream()
                .filter(c -> c.params().has("temporal_correlation") && !c.params().get("use_fht").asBoolean()).toList();
        assertEquals(5, cases.size(), "AVG, AVG_fpt50, AVG_nompc, TAC2, VAR");
        // the whole workflow once; the other cases share its per-frame maps and differ only in the temporal steps
        NanoPyxCase avg = cases.stream().filter(c -> c.name().endsWith("_AVG")).findFirst().orElseThrow();
        ImageStack[] frames = new ImageStack[1];
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (c == avg) {
                c.assertMatches(EsrrfCpu.apply(nanopyxParams(c.params()), c.input()));
            } else {
                if (frames[0] == null) {
                    frames[0] = EsrrfCpu.frames(nanopyxParams(c.params()), c.input());
                }
                c.assertMatches(EsrrfCpu.fromFrames(nanopyxParams(c.params()), frames[0]));
            }
        })).toList();
    }

    @Test
    void fourierInterpolationMatchesNanoPyxsUseFhtCase() {
        NanoPyxCase c = NanoPyxCase.bundled("esrrf", "blink100_32_fht_AVG").get(0);
        EsrrfParams p = EsrrfParams.defaults().withGeometry(Geometry.NANOPYX);
        c.assertMatches(EsrrfCpu.applyWithFourierInterpolation(p, c.input()));
    }

    @Test
    void nanopyxGeometryMatchesNanoPyxPerFrameMaps() {
        NanoPyxCase c = NanoPyxCase.bundled("esrrf", "blink100_32_first20").get(0);
        EsrrfParams p = EsrrfParams.defaults().withGeometry(Geometry.NANOPYX);
        c.assertMatches(EsrrfCpu.frames(p, c.input().frames(0, 20)));
    }

    @Test
    void latticeGradientsEqualNanoPyxsChainOfSubOperations() {
        ImageStack in = SyntheticFrames.denseBlinking(2, 13, 10, 5);
        for (int m : new int[] {1, 2, 5}) {
            for (float r : new float[] {0.5f, 1.5f, 2.2f}) {
                EsrrfParams p = EsrrfParams.defaults().withGeometry(Geometry.NANOPYX).withMagnification(m).withRadius(r);
                float[] chain = EsrrfCpu.framesByChain(p, in).data();
                float[] lattice = EsrrfCpu.frames(p, in).data();
                for (int i = 0; i < chain.length; i++) {
                    assertEquals(chain[i], lattice[i], 1e-6f * Math.abs(chain[i]), "M " + m + " r " + r + " pixel " + i);
                }
            }
        }
    }

    @Test
    void nanopyxGeometryMatchesTheLargerSharedCases() {
        var dir = ReferenceData.sharedOrSkip("reference/esrrf");
        List<NanoPyxCase> cases = NanoPyxCase.in(dir, "blink200_64_");
        assertEquals(5, cases.size());
        // the five cases share the per-frame maps; compute them once (frames are independent, so in parallel
        // chunks) and run each case's temporal steps on them
        ImageStack input = cases.get(0).input();
        EsrrfParams p = nanopyxParams(cases.get(0).params());
        int chunks = 4;
        List<float[]> parts = java.util.stream.IntStream.range(0, chunks).parallel()
                .mapToObj(i -> EsrrfCpu.frames(p, input.frames(i * input.frames() / chunks,
                        (i + 1) * input.frames() / chunks)).data())
                .toList();
        float[] all = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        ImageStack frames = new ImageStack(input.frames(), input.height() * p.magnification(),
                input.width() * p.magnification(), all);
        for (NanoPyxCase c : cases) {
            c.assertMatches(EsrrfCpu.fromFrames(nanopyxParams(c.params()), frames));
        }
    }

    @Test
    void everyCentredPixelIsDefinedMarginsIncluded() {
        ImageStack in = SyntheticFrames.denseBlinking(12, 9, 11, 3);
        ImageStack out = EsrrfCpu.apply(EsrrfParams.defaults().withMacroPixelCorrection(false), in);
        assertEquals(45, out.height());
        assertEquals(55, out.width());
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                float v = out.get(0, y, x);
                assertTrue(Float.isFinite(v) && v > 0, "pixel (" + y + "," + x + ") = " + v);
            }
        }
    }

    @Test
    void rejectsTac2OnAOneFrameTimePoint() {
        ImageStack in = SyntheticFrames.denseBlinking(3, 8, 8, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> EsrrfCpu.apply(EsrrfParams.defaults().withTemporal(TemporalCorrelation.TAC2).withFramesPerTimePoint(2), in));
        assertTrue(e.getMessage().contains("TAC2 needs at least 2 frames"), e.getMessage());
    }

    @Test
    void rejectsInvalidParametersNamingTheRule() {
        EsrrfParams d = EsrrfParams.defaults();
        assertMessage("magnification must be an integer in 1..10, got 0", () -> d.withMagnification(0));
        assertMessage("magnification must be an integer in 1..10, got 11", () -> d.withMagnification(11));
        assertMessage("radius must be finite and > 0 input pixels, got -1.0", () -> d.withRadius(-1));
        assertMessage("radius must be finite and > 0 input pixels, got NaN", () -> d.withRadius(Float.NaN));
        assertMessage("sensitivity must be finite and >= 1, got 0.5", () -> d.withSensitivity(0.5f));
        assertMessage("frames per time point must be >= 0 (0 = all), got -3", () -> d.withFramesPerTimePoint(-3));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
