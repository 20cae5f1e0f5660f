package org.flowscope.methods.srrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.methods.reference.NanoPyxCase;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;

class SrrfCpuTest {

    static SrrfParams nanopyxParams(JsonNode p) {
        return new SrrfParams(p.get("magnification").asInt(), (float) p.get("ringRadius").asDouble(),
                p.get("border").asInt(), p.get("radialityPositivityConstraint").asBoolean(),
                p.get("doIntensityWeighting").asBoolean(), p.get("macro_pixel_correction").asBoolean(), Temporal.AVG, 0,
                Geometry.NANOPYX);
    }

    /**
     * Both cases of an input (AVG with and without NanoPyx's per-frame macro-pixel correction) from one computation of
     * the uncorrected per-frame maps, frames split into chunks computed in parallel (frames are independent).
     */
    private static void assertCasesOfOneInput(List<NanoPyxCase> cases) {
        assertEquals(2, cases.size(), "AVG with and without macro-pixel correction");
        ImageStack input = cases.get(0).input();
        SrrfParams p = nanopyxParams(cases.get(0).params()).withMacroPixelCorrection(false);
        int chunks = 4;
        List<float[]> parts = IntStream.range(0, chunks).parallel().mapToObj(i -> SrrfCpu.frames(p,
                input.frames(i * input.frames() / chunks, (i + 1) * input.frames() / chunks)).data()).toList();
        float[] all = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        int m = p.magnification();
        ImageStack maps = new ImageStack(input.frames(), input.height() * m, input.width() * m, all);
        for (NanoPyxCase c : cases) {
            SrrfParams cp = nanopyxParams(c.params());
            ImageStack frames = maps;
            if (cp.macroPixelCorrection()) {
                float[] corrected = maps.data().clone();
                for (int f = 0; f < maps.frames(); f++) {
                    MacroPixelCorrection.applyInPlace(corrected, f * maps.frameSize(), maps.height(), maps.width(), m);
                }
                frames = new ImageStack(maps.frames(), maps.height(), maps.width(), corrected);
            }
            c.assertMatches(SrrfCpu.fromFrames(cp, frames));
        }
    }

    @Test
    void nanopyxGeometryMatchesEveryBundledNanoPyxCase() {
        assertCasesOfOneInput(NanoPyxCase.bundled("srrf", "blink100_32_"));
    }

    @Test
    void nanopyxGeometryMatchesTheLargerSharedCases() {
        Path dir = ReferenceData.sharedOrSkip("reference/srrf");
        assertCasesOfOneInput(NanoPyxCase.in(dir, "blink200_64_"));
    }

    @Test
    void nanopyxPerFrameMapsAreMacroPixelCorrectedFrameByFrameAsNanoPyxsSrrfReturnsThem() {
        ImageStack in = SyntheticFrames.denseBlinking(3, 9, 11, 4);
        SrrfParams p = SrrfParams.defaults().withGeometry(Geometry.NANOPYX).withMagnification(3);
        ImageStack raw = SrrfCpu.frames(p.withMacroPixelCorrection(false), in);
        float[] corrected = raw.data().clone();
        for (int f = 0; f < raw.frames(); f++) {
            MacroPixelCorrection.applyInPlace(corrected, f * raw.frameSize(), raw.height(), raw.width(), 3);
        }
        assertArrayEquals(corrected, SrrfCpu.frames(p, in).data());
        assertArrayEquals(SrrfCpu.fromFrames(p, SrrfCpu.frames(p, in)).data(), SrrfCpu.apply(p, in).data());
    }

    @Test
    void centredGeometryCorrectsMacroPixelsOnceOnTheTemporalResult() {
        ImageStack in = SyntheticFrames.denseBlinking(4, 9, 11, 5);
        SrrfParams p = SrrfParams.defaults().withMagnification(3);
        float[] avg = SrrfCpu.apply(p.withMacroPixelCorrection(false), in).data();
        MacroPixelCorrection.applyInPlace(avg, 0, 27, 33, 3);
        assertArrayEquals(avg, SrrfCpu.apply(p, in).data());
    }

    @Test
    void nanopyxLeavesAMarginOfOnePixelMoreThanTheBorderAndDropsTheFramesAfterTheLastWholeBlock() {
        ImageStack in = SyntheticFrames.denseBlinking(7, 10, 12, 6);
        SrrfParams p = SrrfParams.defaults().withGeometry(Geometry.NANOPYX).withMagnification(2).withBorder(1)
                .withFramesPerTimePoint(3).withMacroPixelCorrection(false).withPositivityConstraint(false);
        ImageStack out = SrrfCpu.apply(p, in);
        assertEquals(2, out.frames(), "7 frames in blocks of 3: the 7th is dropped");
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                boolean margin = y < 4 || y >= 16 || x < 4 || x >= 20;
                float v = out.get(0, y, x);
                assertTrue(margin ? v == 0 : v != 0, "(" + y + "," + x + ") = " + v);
            }
        }
        ImageStack centred = SrrfCpu.apply(p.withGeometry(Geometry.CENTRED), in);
        assertEquals(3, centred.frames(), "centred keeps the last, shorter block");
        assertEquals(0f, centred.get(0, 1, 10));
        assertTrue(centred.get(0, 2, 10) != 0, "centred computes everything inside the border");
    }

    @Test
    void centredGeometryDefinesEveryPixel() {
        ImageStack in = SyntheticFrames.denseBlinking(6, 9, 11, 3);
        ImageStack out = SrrfCpu.apply(SrrfParams.defaults().withMacroPixelCorrection(false).withPositivityConstraint(false), in);
        for (int i = 0; i < out.data().length; i++) {
            float v = out.data()[i];
            assertTrue(Float.isFinite(v) && v != 0, "pixel " + i + " = " + v);
        }
    }

    @Test
    void rejectsInvalidParametersNamingTheRule() {
        SrrfParams d = SrrfParams.defaults();
        assertMessage("magnification must be an integer in 1..10, got 0", () -> d.withMagnification(0));
        assertMessage("magnification must be an integer in 1..10, got 11", () -> d.withMagnification(11));
        assertMessage("ring radius must be finite and > 0 input pixels, got -1.0", () -> d.withRingRadius(-1));
        assertMessage("ring radius must be finite and > 0 input pixels, got 0.0", () -> d.withRingRadius(0));
        assertMessage("ring radius must be finite and > 0 input pixels, got NaN", () -> d.withRingRadius(Float.NaN));
        assertMessage("border must be >= 0 input pixels, got -2", () -> d.withBorder(-2));
        assertMessage("frames per time point must be >= 0 (0 = all), got -3", () -> d.withFramesPerTimePoint(-3));
    }

    @Test
    void rejectsCumulantsOnTooShortTimePointsAndBordersThatLeaveNothing() {
        ImageStack in = SyntheticFrames.denseBlinking(7, 8, 8, 1);
        assertMessage("TRAC3 needs at least 3 frames in every time point, got a last block of 1 (frames 7, frames per "
                + "time point 3)", () -> SrrfCpu.apply(d(Temporal.TRAC3).withFramesPerTimePoint(3), in));
        assertMessage("TRAC3 needs at least 4 frames in every time point (NanoPyx's windows stop one frame early), got 3 "
                + "(frames 7, frames per time point 3)",
                () -> SrrfCpu.apply(d(Temporal.TRAC3).withFramesPerTimePoint(3).withGeometry(Geometry.NANOPYX), in));
        assertMessage("border 3 leaves no pixel of a 8x8 frame (NanoPyx skips one pixel more)",
                () -> SrrfCpu.apply(SrrfParams.defaults().withBorder(3).withGeometry(Geometry.NANOPYX), in));
    }

    private static SrrfParams d(Temporal t) {
        return SrrfParams.defaults().withTemporal(t);
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
