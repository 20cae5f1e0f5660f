package org.flowscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityLiveTest {
    @TempDir
    Path dir;

    @Test
    void liveQualityBranchReportsSampledWindowsInRunJson() throws Exception {
        Path out = dir.resolve("run");
        // 5 windows, the last one sampled: a loaded machine's latest-wins hand-over may replace sampled results, but
        // the last result is always delivered, so at least one sample is computed
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=64x64,seed=3,pacing=virtual", "--frames", "100",
                "--window", "20", "--step", "20", "--op", "average", "--quality", "--every", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode run = CliOutput.mapper().readTree(out.resolve("run.json").toFile());
        JsonNode q = run.get("quality");
        assertTrue(q != null, "run.json has a quality section: " + run);
        assertEquals(2, q.get("every").asInt());
        long seen = q.get("samplesSeen").asLong();
        assertEquals(3, seen, "windows 0, 2, 4 of 5 sampled");
        assertEquals(seen, q.get("samplesComputed").asLong() + q.get("samplesDropped").asLong() + q.get("samplesFailed").asLong());
        assertTrue(q.get("samplesComputed").asLong() >= 1, q.toString());
        JsonNode first = q.get("series").get(0);
        assertTrue(first.get("frcPx").isNumber() || first.get("frcPx").isNull(), first.toString());
    }

    /** Dark frames: both metrics refuse a constant image, so every computed sample fails. */
    private static final String DARK = "sim:size=64x64,photons=0.000001,background=0,readnoise=0,seed=3,pacing=virtual";

    @Test
    void aFailedQualitySampleIsInRunJsonAndTheSummaryAndEndsTheRunWithExitCodeFour() throws Exception {
        Path out = dir.resolve("dark");
        CliRunner.Result r = CliRunner.run("live", "--source", DARK, "--frames", "60", "--window", "20", "--step", "20",
                "--op", "average", "--quality", "--every", "1", "--out", out.toString());
        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("quality side branch: 1 of") || r.err().contains("sampled window(s) failed"), r.err());
        assertTrue(r.err().contains("--tolerate-quality-failures"), r.err());
        JsonNode q = CliOutput.mapper().readTree(out.resolve("run.json").toFile()).get("quality");
        assertTrue(q.get("samplesFailed").asLong() >= 1, q.toString());
        assertTrue(q.get("firstError").asText().contains("constant"), q.toString());
        assertEquals(q.get("samplesSeen").asLong(), q.get("samplesComputed").asLong() + q.get("samplesDropped").asLong()
                + q.get("samplesFailed").asLong() + q.get("samplesCancelled").asLong());
    }

    @Test
    void toleratedQualityFailuresExitZeroButAreStillReported() throws Exception {
        Path out = dir.resolve("tolerated");
        CliRunner.Result r = CliRunner.run("live", "--source", DARK, "--frames", "60", "--window", "20", "--step", "20",
                "--op", "average", "--quality", "--every", "1", "--tolerate-quality-failures", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("flowscope: warning: quality side branch"), r.err());
        JsonNode q = CliOutput.mapper().readTree(out.resolve("run.json").toFile()).get("quality");
        assertTrue(q.get("samplesFailed").asLong() >= 1, q.toString());
    }
}
