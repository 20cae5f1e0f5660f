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
        CliRunner.Result r = CliRunner.run("live", "--source", "sim:size=64x64,seed=3,pacing=virtual", "--frames", "120",
                "--window", "20", "--step", "20", "--op", "average", "--quality", "--every", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode run = CliOutput.mapper().readTree(out.resolve("run.json").toFile());
        JsonNode q = run.get("quality");
        assertTrue(q != null, "run.json has a quality section: " + run);
        assertEquals(2, q.get("every").asInt());
        long seen = q.get("samplesSeen").asLong();
        assertEquals(3, seen, "windows 0, 2, 4 of 6 sampled");
        assertEquals(seen, q.get("samplesComputed").asLong() + q.get("samplesDropped").asLong() + q.get("samplesFailed").asLong());
        assertTrue(q.get("samplesComputed").asLong() >= 1, q.toString());
        JsonNode first = q.get("series").get(0);
        assertTrue(first.get("frcPx").isNumber() || first.get("frcPx").isNull(), first.toString());
    }
}
