package org.flowscope.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.run.RunReportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderReportTest {
    @TempDir
    Path dir;

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private Path liveRun(String... extra) {
        Path out = dir.resolve("run");
        String[] base = {"live", "--source", "sim:size=48x48,seed=4,driftx=0.03,pacing=virtual", "--frames", "120",
                // every window sampled: the latest-wins hand-over to the quality thread may replace a sampled
                // window's result on a loaded machine, but with every window sampled at least one is always computed
                "--window", "20", "--drift", "--quality", "--every", "1", "--save-raw", "--no-history",
                "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        return out;
    }

    @Test
    void aLiveRunWritesASelfContainedReportThatTheReportCommandRebuildsIdentically() throws Exception {
        Path out = liveRun("--op", "average");
        Path report = out.resolve("report.html");
        String html = Files.readString(report);
        assertEquals(report.toString(), RunReportFile.read(out.resolve("run.json")).outputs().report());
        // self-contained: images inline, plots inline, nothing fetched
        assertEquals(3, count(html, "<img src=\"data:image/png;base64,"), "first, last and mean reconstruction");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<script"), "no external resource");
        assertTrue(html.contains("Drift relative to first-window"), "the drift plot");
        assertTrue(html.contains("Fourier ring correlation of the raw even/odd halves"), "the FRC curves");
        assertTrue(html.contains("Resolution over the run"), "the resolution trend");
        assertTrue(count(html, "<svg ") >= 3);
        // the engine's choices (drift is measured through the engine; a frame-by-frame analysis applies it as each
        // frame's shift, not as a drift-correct call), counters by stage, versions and machine
        assertTrue(html.contains("cross-correlation"), "engine decisions");
        assertTrue(html.contains("frames acquired") && html.contains("frames saved to the raw file")
                && html.contains("windows processed"), "counters explained");
        assertTrue(html.contains("Java heap limit") && html.contains("flowscope"), "software and machine");
        assertTrue(html.contains("live --source sim:size=48x48"), "the command line");

        Files.delete(report);
        CliRunner.Result rebuilt = CliRunner.run("report", out.toString(), "--json");
        assertEquals(0, rebuilt.exitCode(), rebuilt.toString());
        JsonNode j = CliOutput.mapper().readTree(rebuilt.out());
        assertEquals("ok", j.get("status").asText());
        assertEquals(html, Files.readString(report), "rebuilt from run.json and the files alone");
    }

    @Test
    void theSquirrelCheckAddsTheErrorMapOfTheMeanReconstructionAgainstTheMeanRawFrame() throws Exception {
        Path out = liveRun("--magnification", "2", "--op", "esrrf", "--backend", "cpu");
        CliRunner.Result r = CliRunner.run("report", out.toString(), "--squirrel", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        double rse = CliOutput.mapper().readTree(r.out()).get("squirrelRse").asDouble();
        assertTrue(rse > 0 && Double.isFinite(rse), "RSE " + rse);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("SQUIRREL error map") && html.contains("RSE (resolution-scaled error)"), "SQUIRREL section");
        assertEquals(4, count(html, "<img src=\"data:image/png;base64,"), "the error map joins the three previews");
    }

    @Test
    void aFolderWithoutRunJsonIsBadInputAndSquirrelWithoutRawSaysWhatIsMissing() throws Exception {
        CliRunner.Result none = CliRunner.run("report", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none.toString());
        assertTrue(none.err().contains("no run.json in " + dir), none.err());

        Path out = dir.resolve("noraw");
        assertEquals(0, CliRunner.run("live", "--source", "sim:size=24x24,pacing=virtual", "--frames", "20", "--window",
                "10", "--op", "average", "--out", out.toString()).exitCode());
        CliRunner.Result r = CliRunner.run("report", out.toString(), "--squirrel");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("raw.tif") && r.err().contains("--save-raw"), r.err());
    }

    @Test
    void aFailedRunStillGetsAReportThatSaysWhy() throws Exception {
        Path stack = dir.resolve("nan.tif");
        float[] v = new float[16 * 20];
        v[12 * 16 + 3] = Float.NaN;
        org.flowscope.core.io.TiffStacks.writeF32(stack, new org.flowscope.core.image.ImageStack(20, 4, 4, v),
                org.flowscope.core.io.StackMetadata.of(org.flowscope.core.frame.PixelType.F32));
        Path out = dir.resolve("failed");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5",
                "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("status: failed") && html.contains("NaN"), "the report says the run failed and why");
        assertTrue(html.contains("no result file"), "and that there is no result");
    }
}
