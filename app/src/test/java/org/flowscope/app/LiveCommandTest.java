package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.methods.average.AverageWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCommandTest {
    @TempDir
    Path dir;

    @Test
    void simulatedLiveRunWritesResultRawAndRunJson() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=32x24,seed=3,pacing=virtual", "--frames", "60",
                "--window", "20", "--step", "10", "--op", "average", "--out", out.toString(), "--save-raw", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode result = CliOutput.mapper().readTree(r.out());
        assertEquals(60, result.get("frames").asLong());
        assertEquals(5, result.get("windowsProcessed").asLong()); // windows start at 0,10,20,30,40

        TiffStack raw = TiffStacks.read(out.resolve("raw.tif"));
        assertEquals(60, raw.stack().frames());
        assertEquals(100.0, raw.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        TiffStack res = TiffStacks.read(out.resolve("result.tif"));
        assertEquals(5, res.stack().frames());
        // result window 1 = mean of raw frames 10..29
        float[] expected = AverageCpu.mean(raw.stack().frames(10, 30)).data();
        float[] actual = res.stack().frame(1).data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-3);
        }

        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals("ok", run.get("status").asText());
        assertEquals(60, run.get("counters").get("raw.frames").asLong());
        assertEquals(5, run.get("counters").get("windows.emitted").asLong());
        assertEquals(20, run.get("parameters").get("window").asInt());
        assertEquals("simulated", run.get("camera").get("kind").asText());
        assertTrue(run.get("timings").has("average"));
        assertTrue(run.get("flowscope").has("java"));
        RunReport typed = RunReportFile.read(out.resolve("run.json"));
        assertEquals(60L, typed.frames());
        assertEquals(out.resolve("raw_emitters.csv").toString(), typed.outputs().truth().get("emitters"));
        assertEquals(List.of("live", "--source", "sim:size=32x24,seed=3,pacing=virtual", "--frames", "60", "--window",
                "20", "--step", "10", "--op", "average", "--out", out.toString(), "--save-raw", "--json"), typed.commandLine());
        assertTrue(Files.readString(out.resolve("raw_emitters.csv")).contains("id,x_px,y_px"));
        assertEquals(60 + 3, Files.readAllLines(out.resolve("raw_drift.csv")).size());
        assertTrue(Files.exists(out.resolve("raw_truth_x5.tif")));
    }

    @Test
    void anEsrrfRunReportsTheEnginesCallsColdRunsAndCalibrationsInRunJsonAndExplain() throws Exception {
        Path out = dir.resolve("esrrf");
        // whole windows: the engine runs esrrf per window (frame by frame it places units: see the next test)
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=24x20,seed=3,pacing=virtual", "--frames", "40",
                "--window", "10", "--op", "esrrf", "--magnification", "2", "--out", out.toString(), "--store",
                dir.resolve("store").toString(), "--no-opencl", "--no-cuda", "--explain", "--analysis", "window");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode engine = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json"))).get("engine");
        assertEquals(4, engine.get("calls").get("esrrf").properties().stream().mapToLong(e -> e.getValue().asLong()).sum(),
                engine.toString());
        assertTrue(engine.get("coldRuns").asLong() >= 1, engine.toString());
        assertTrue(engine.get("calibrationRuns").asLong() >= 1, "esrrf can make seeded work: candidates are calibrated first");
        assertEquals(0, engine.get("recomputedCalls").asLong());
        assertEquals(0, engine.get("failures").size());
        assertTrue(r.err().contains("[CALIBRATE]"), r.err());
    }

    @Test
    void aStreamingEsrrfRunPlacesEveryUnitOfFramesThroughTheEngineAndReportsItInRunJsonAndExplain() throws Exception {
        Path out = dir.resolve("stream");
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=24x20,seed=3,pacing=virtual,driftx=0.05",
                "--frames", "40", "--window", "20", "--step", "10", "--op", "esrrf", "--magnification", "2", "--drift",
                "--out", out.toString(), "--store", dir.resolve("store").toString(), "--no-opencl", "--no-cuda",
                "--explain");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals("stream", run.get("analysis").get("mode").asText());
        assertTrue(run.get("analysis").get("endLagMs").asDouble() >= 0);
        // 40 frames in units of 10: four decisions, each made and explained before its unit's first frame
        JsonNode calls = run.get("engine").get("calls").get("esrrf-stream");
        assertEquals(4, calls.properties().stream().mapToLong(e -> e.getValue().asLong()).sum(), calls.toString());
        assertTrue(r.err().contains("esrrf-stream [10, 20, 24]"), r.err());
        JsonNode esrrf = run.get("esrrf");
        assertEquals(40, esrrf.get("frames").asInt(), esrrf.toString());
        assertEquals(3, esrrf.get("windows").asInt());
        // the drift was measured per unit and undone inside eSRRF's interpolation
        assertEquals(4, run.get("drift").get("blocks").size(), run.get("drift").toString());
        assertTrue(run.get("drift").get("applied").asText().contains("eSRRF"));
        assertTrue(run.get("timings").has("latency"));
    }

    @Test
    void replayedStackIsAveragedLikeTheOfflineCommand() throws Exception {
        Path stack = dir.resolve("sim.tif");
        assertEquals(0, CliRunner.run("simulate", "--frames", "40", "--size", "24x20", "--out", stack.toString()).exitCode());
        Path out = dir.resolve("run");
        CliRunner.Result live = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "10",
                "--out", out.toString());
        assertEquals(0, live.exitCode(), live.toString());
        Path offline = dir.resolve("offline.tif");
        assertEquals(0, CliRunner.run("process", "average", "--input", stack.toString(), "--output", offline.toString(),
                "--frames-per-timepoint", "10").exitCode());
        TiffStack a = TiffStacks.read(out.resolve("result.tif"));
        TiffStack b = TiffStacks.read(offline);
        assertEquals(b.stack().frames(), a.stack().frames());
        for (int i = 0; i < a.stack().data().length; i++) {
            assertEquals(b.stack().data()[i], a.stack().data()[i], 1e-3);
        }
        assertFalse(Files.exists(out.resolve("raw.tif")));
    }

    @Test
    void simulateWritesStackAndGroundTruth() throws Exception {
        Path stack = dir.resolve("s.tif");
        CliRunner.Result r = CliRunner.run("simulate", "--frames", "5", "--size", "16x12", "--pattern", "grid",
                "--drift", "0.1,0,0.01", "--bit-depth", "8", "--out", stack.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("u8", json.get("pixelType").asText());
        TiffStack s = TiffStacks.read(stack);
        assertEquals(5, s.stack().frames());
        assertEquals(16, s.stack().width());
        assertTrue(Files.exists(dir.resolve("s_emitters.csv")));
        assertTrue(Files.readString(dir.resolve("s_drift.csv")).contains("\n4,"));
        assertEquals(80, TiffStacks.read(dir.resolve("s_truth_x5.tif")).stack().width());
    }
}
