package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.esrrf.EsrrfCpu;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsrrfCommandTest {
    @TempDir
    Path dir;

    private Path stack(int frames, int h, int w) {
        SplittableRandom r = new SplittableRandom(5);
        float[] d = new float[frames * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = 100 + (float) r.nextDouble(0, 50);
        }
        Path p = dir.resolve("in.tif");
        TiffStacks.writeF32(p, new ImageStack(frames, h, w, d), StackMetadata.of(PixelType.F32, 100, 10));
        return p;
    }

    @Test
    void processEsrrfWritesTheReferenceImageWithTheChosenOptions() throws Exception {
        Path in = stack(6, 12, 10);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf", "--input", in.toString(), "--output", out.toString(),
                "--magnification", "3", "--radius", "1.2", "--temporal", "VAR", "--frames-per-timepoint", "3",
                // forced: with an empty history the engine may explore either CPU implementation on a loaded machine
                "--geometry", "nanopyx", "--implementation", "esrrf.cpu-threaded", "--no-history", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("esrrf.cpu-threaded", json.get("implementation").asText());
        TiffStack got = TiffStacks.read(out);
        assertEquals(2, got.stack().frames());
        assertEquals(36, got.stack().height());
        assertEquals(30, got.stack().width());
        assertEquals(100.0 / 3, got.metadata().pixelSizeNm().getAsDouble(), 1e-3);
        EsrrfParams p = new EsrrfParams(3, 1.2f, 1, true, TemporalCorrelation.VAR, true, 3, Geometry.NANOPYX);
        float[] expected = EsrrfCpu.apply(p, TiffStacks.read(in).stack()).data();
        float[] actual = got.stack().data();
        float max = 0;
        for (float v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * max, "pixel " + i);
        }
    }

    @Test
    void rejectsAnOutOfRangeMagnificationWithExitThreeAndNoOutput() {
        Path in = stack(2, 8, 8);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf", "--input", in.toString(), "--output", out.toString(),
                "--magnification", "11", "--no-history");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("magnification must be an integer in 1..10, got 11"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void rejectsAnUnknownGeometry() {
        Path in = stack(2, 8, 8);
        CliRunner.Result r = CliRunner.run("process", "esrrf", "--input", in.toString(), "--output",
                dir.resolve("o.tif").toString(), "--geometry", "shifted", "--no-history");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--geometry") && r.err().contains("CENTRED") && r.err().contains("NANOPYX")
                && r.err().contains("shifted"), r.err());
    }

    @Test
    void liveEsrrfWritesOneSuperResolvedFramePerWindowAndReportsItInRunJson() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=20x16,seed=3,pacing=virtual", "--frames", "40",
                "--window", "20", "--step", "10", "--op", "esrrf", "--magnification", "2", "--backend", "cpu",
                "--no-history", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        TiffStack res = TiffStacks.read(out.resolve("result.tif"));
        assertEquals(3, res.stack().frames());
        assertEquals(32, res.stack().height());
        assertEquals(40, res.stack().width());
        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        JsonNode esrrf = run.get("esrrf");
        assertEquals(3, esrrf.get("windows").asInt());
        assertEquals(2, esrrf.get("magnification").asInt());
        // frame by frame: each of the 40 frames computed once, though the 3 overlapping windows use 60
        assertEquals(40, esrrf.get("frames").asInt(), esrrf.toString());
        assertEquals(3, esrrf.get("windowsJoinedOnDevice").asInt() + esrrf.get("windowsJoinedOnHost").asInt());
    }

    @Test
    void liveEsrrfRecordsTheEnginesChoicePerWindowInRunJson() {
        Path out = dir.resolve("tumbling");
        // whole windows: one engine call per window (frame by frame, the calls are per unit; see LiveCommandTest)
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=20x16,seed=3,pacing=virtual", "--frames", "40",
                "--window", "20", "--op", "esrrf", "--magnification", "2", "--backend", "cpu", "--no-history",
                "--analysis", "window", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        RunReport report = RunReportFile.read(out.resolve("run.json"));
        long esrrfCalls = report.decisions().candidates().stream().filter(c -> c.operation().equals("esrrf"))
                .peek(c -> assertTrue(c.implementation().startsWith("esrrf.cpu") && c.device().contains("CPU"), c.toString()))
                .mapToLong(RunReport.CandidateUse::calls).sum();
        assertEquals(2, esrrfCalls, report.decisions().toString());
        JsonNode esrrf = report.sections().get("esrrf");
        assertEquals(2, esrrf.get("windows").asInt(), esrrf.toString());
        long byImplementation = 0;
        for (JsonNode n : esrrf.get("windowsByImplementation")) {
            byImplementation += n.asLong();
        }
        assertEquals(2, byImplementation, esrrf.toString());
    }
}
