package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.app.live.LiveExtensions;
import org.flowscope.app.live.MmLive;
import org.flowscope.app.live.MmLiveTest;
import org.flowscope.app.live.ScriptedOverflowCore;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code live --source mm:...} over a scripted core whose stop-on-overflow buffer fills: 4 of 10 frames arrive. The
 * summary, run.json and the exit code must tell the same story (the real cores: the mm-it module).
 */
class MmLiveCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result live(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ScriptedOverflowCore core = new ScriptedOverflowCore();
        ImplementationRegistry registry = ImplementationRegistry.load(FlowscopeCli.class.getClassLoader());
        var stages = LiveExtensions.create(registry).stream()
                .map(stage -> stage instanceof MmLive ? new MmLive(i -> core) : stage).toList();
        CommandLine live = new CommandLine(new LiveCommand(stages, registry));
        FlowscopeCli.installLiveExtensions(live);
        CommandLine configured = FlowscopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        live.setOut(new PrintWriter(out, true));
        live.setErr(new PrintWriter(err, true));
        live.setExecutionExceptionHandler(configured.getExecutionExceptionHandler());
        List<String> all = new java.util.ArrayList<>(List.of("--source", "mm:module=DemoCamera,device=DCam",
                "--mm-home", MmLiveTest.fakeInstallation(dir.resolve("mm")).toString(), "--frames", "10"));
        all.addAll(List.of(args));
        int code = live.execute(all.toArray(String[]::new));
        assertTrue(core.closed, "the core is released");
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    private static JsonNode runJson(Path out) throws Exception {
        return CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
    }

    @Test
    void aFiniteRunThatLostFramesSaysSoInItsSummaryItsRunJsonAndItsExitCode() throws Exception {
        Path out = dir.resolve("lossy");
        CliRunner.Result r = live("--window", "2", "--out", out.toString());
        assertEquals(ExitCodes.RUNTIME_FAILURE, r.exitCode(), r.toString());
        assertTrue(r.out().contains("6 lost by the camera"), r.toString());
        assertTrue(r.err().contains("failed: the camera lost frames") && r.err().contains("4 of 10 delivered"), r.toString());
        JsonNode json = runJson(out);
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("error").asText().contains("circular buffer (4 frames) filled"), json.toString());
        assertEquals(6, json.get("counters").get("camera.lost").asLong());
        assertEquals(6, json.get("mm").get("lostFrames").asLong());
        assertEquals(4, json.get("mm").get("bufferCapacityFrames").asLong());
        assertTrue(Files.exists(out.resolve("result.tif")), "the outputs are kept");
    }

    @Test
    void allowedLossExitsZeroAndStillCountsTheLoss() throws Exception {
        Path out = dir.resolve("allowed");
        CliRunner.Result r = live("--window", "2", "--allow-loss", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("6 lost by the camera"), r.toString());
        JsonNode json = runJson(out);
        assertEquals("ok", json.get("status").asText());
        assertEquals(6, json.get("mm").get("lostFrames").asLong());
    }

    @Test
    void aRunThatLostSoManyFramesThatNoWindowFilledStillWritesItsMmSectionAndSaysWhy() throws Exception {
        Path out = dir.resolve("empty");
        CliRunner.Result r = live("--window", "5", "--out", out.toString());
        assertEquals(ExitCodes.RUNTIME_FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no window was analysed") && r.err().contains("the camera lost frames"), r.toString());
        JsonNode json = runJson(out);
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("error").asText().contains("4 of 10 delivered"), json.toString());
        assertEquals(6, json.get("mm").get("lostFrames").asLong());
        assertTrue(json.get("mm").get("overflowed").asBoolean());
        assertFalse(Files.exists(out.resolve("result.tif")), "nothing looks complete");
    }

    @Test
    void liveHelpListsEveryKeyOfTheMmSource() {
        CliRunner.Result r = CliRunner.run("live", "--help");
        for (String key : List.of("config=", "module=", "device=", "label=", "exposure=", "roi=", "binning=", "buffer=")) {
            assertTrue(r.out().contains(key), key + " missing from:\n" + r.out());
        }
    }
}
