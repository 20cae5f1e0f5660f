package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.methods.srrf.Geometry;
import org.flowscope.methods.srrf.SrrfCpu;
import org.flowscope.methods.srrf.SrrfParams;
import org.flowscope.methods.srrf.Temporal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrrfCommandTest {
    @TempDir
    Path dir;

    private Path stack(int frames, int h, int w) {
        Path p = dir.resolve("in.tif");
        TiffStacks.writeF32(p, SyntheticFrames.blinking(frames, h, w, 5), StackMetadata.of(PixelType.F32, 100, 10));
        return p;
    }

    @Test
    void processSrrfWritesTheReferenceImageWithEveryOption() throws Exception {
        Path in = stack(7, 12, 10);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "srrf", "--input", in.toString(), "--output", out.toString(),
                "--magnification", "3", "--ring-radius", "0.8", "--border", "1", "--temporal", "TRAC3",
                "--frames-per-timepoint", "4", "--no-positivity-constraint", "--no-intensity-weighting",
                "--no-macro-pixel-correction", "--geometry", "nanopyx", "--implementation", "srrf.cpu-threaded",
                "--no-history", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("srrf.cpu-threaded", json.get("implementation").asText());
        assertEquals(3, json.get("droppedFrames").asInt(), "NanoPyx keeps one whole block of 4 of the 7 frames");
        TiffStack got = TiffStacks.read(out);
        assertEquals(1, got.stack().frames());
        assertEquals(36, got.stack().height());
        assertEquals(30, got.stack().width());
        assertEquals(100.0 / 3, got.metadata().pixelSizeNm().getAsDouble(), 1e-3);
        SrrfParams p = new SrrfParams(3, 0.8f, 1, false, false, false, Temporal.TRAC3, 4, Geometry.NANOPYX);
        float[] expected = SrrfCpu.apply(p, TiffStacks.read(in).stack()).data();
        float max = 0;
        for (float v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        float[] actual = got.stack().data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * max, "pixel " + i);
        }
    }

    @Test
    void theDefaultsAreNanoPyxsWithTheCentredGeometry() {
        Path in = stack(3, 9, 8);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "srrf", "--input", in.toString(), "--output", out.toString(),
                "--implementation", "srrf.cpu", "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        assertArrayEquals(SrrfCpu.apply(SrrfParams.defaults(), TiffStacks.read(in).stack()).data(),
                TiffStacks.read(out).stack().data());
    }

    @Test
    void rejectsMagnificationZeroWithExitThreeAndNoOutput() {
        assertRefused(3, "magnification must be an integer in 1..10, got 0", "--magnification", "0");
    }

    @Test
    void rejectsANegativeRingRadiusWithExitThree() {
        assertRefused(3, "ring radius must be finite and > 0 input pixels, got -0.5", "--ring-radius", "-0.5");
    }

    @Test
    void rejectsANegativeBorderAndOneThatLeavesNothing() {
        assertRefused(3, "border must be >= 0 input pixels, got -1", "--border", "-1");
        assertRefused(3, "border 4 leaves no pixel of a 8x8 frame", "--border", "4");
    }

    @Test
    void rejectsACumulantOnTooFewFramesNamingTheNeed() {
        assertRefused(3, "TRAC4 needs at least 4 frames in every time point, got 2", "--temporal", "TRAC4");
        assertRefused(3, "TRAC2 needs at least 3 frames in every time point (NanoPyx's windows stop one frame early)",
                "--temporal", "TRAC2", "--geometry", "nanopyx");
    }

    @Test
    void rejectsAnUnknownTemporalAnalysisAsAUsageError() {
        CliRunner.Result r = assertRefused(2, "--temporal", "--temporal", "TAC2");
        assertTrue(r.err().contains("TRAC2") && r.err().contains("PPS"), r.err());
    }

    private CliRunner.Result assertRefused(int code, String message, String... options) {
        Path in = stack(2, 8, 8);
        Path out = dir.resolve("refused.tif");
        String[] args = new String[6 + options.length];
        String[] head = {"process", "srrf", "--input", in.toString(), "--output", out.toString()};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(options, 0, args, head.length, options.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.exitCode(), r.toString());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out));
        return r;
    }

    @Test
    void liveSrrfWritesOneSuperResolvedFramePerWindowAndReportsItInRunJson() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=20x16,seed=3,pacing=virtual", "--frames", "40",
                "--window", "20", "--step", "10", "--op", "srrf", "--srrf-magnification", "2", "--srrf-temporal",
                "TRAC2", "--backend", "cpu", "--no-history", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        TiffStack res = TiffStacks.read(out.resolve("result.tif"));
        assertEquals(3, res.stack().frames());
        assertEquals(32, res.stack().height());
        assertEquals(40, res.stack().width());
        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        JsonNode srrf = run.get("srrf");
        assertEquals(3, srrf.get("windows").asInt());
        assertEquals("TRAC2", srrf.get("temporal").asText());
        assertEquals(2, srrf.get("magnification").asInt());
    }

    @Test
    void liveSrrfRefusesWindowsTooShortForTheCumulant() {
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=20x16,seed=3,pacing=virtual", "--frames", "10",
                "--window", "3", "--op", "srrf", "--srrf-temporal", "TRAC4", "--no-history", "--out",
                dir.resolve("run").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("SRRF TRAC4 needs windows of at least 4 frames, got --window 3"), r.err());
    }
}
