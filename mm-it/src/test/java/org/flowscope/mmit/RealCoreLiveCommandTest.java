package org.flowscope.mmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscope.adapters.mm.MmInstallation;
import org.flowscope.app.FlowscopeCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowscope live --source mm:...} against a real MMCore (one per test JVM, see the pom). A 2-frame buffer
 * and a camera that does not synthesise images ({@code FastImage=1}, exposure 0) overflow at once: the summary line,
 * run.json and the exit code must tell the same story.
 */
@Tag("mm-core")
class RealCoreLiveCommandTest {
    private static final String OVERFLOWING = "mm:module=DemoCamera,device=DCam,PixelType=16bit,exposure=0,FastImage=1,"
            + "buffer=1";
    private static final Pattern LOST = Pattern.compile("(\\d+) lost by the camera");

    @TempDir
    Path dir;
    private MmInstallation installation;

    @BeforeEach
    void findInstallation() {
        installation = RealMm.installation();
    }

    private record Run(int exit, String out, String err, JsonNode json) {
        long summaryLost() {
            Matcher m = LOST.matcher(out);
            assertTrue(m.find(), "no summary line in:\n" + out + err);
            return Long.parseLong(m.group(1));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err + "\n--- run.json\n" + json;
        }
    }

    private Run live(String name, String... extra) throws Exception {
        Path out = dir.resolve(name);
        String[] base = {"live", "--mm-home", installation.home().toString(), "--source", OVERFLOWING, "--frames", "300",
                "--op", "average", "--out", out.toString(), "--no-history"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = FlowscopeCli.execute(args, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("run.json")));
        return new Run(code, stdout.toString(), stderr.toString(), json);
    }

    @Test
    void aFiniteRunThatOverflowedFailsWithTheSameLossInItsSummaryRunJsonAndCounters() throws Exception {
        Run r = live("lossy", "--window", "1");
        long lost = r.json().get("mm").get("lostFrames").asLong();
        assertTrue(lost > 0, "a 2-frame buffer overflows at once: " + r);
        assertEquals(4, r.exit(), r.toString());
        assertEquals(lost, r.summaryLost(), r.toString());
        assertEquals(lost, r.json().get("counters").get("camera.lost").asLong(), r.toString());
        assertEquals(300, lost + r.json().get("mm").get("delivered").asLong(), r.toString());
        assertEquals(r.json().get("frames").asLong(), r.json().get("mm").get("delivered").asLong());
        assertEquals("failed", r.json().get("status").asText(), r.toString());
        assertTrue(r.json().get("error").asText().contains("circular buffer (2 frames) filled"), r.toString());
        assertTrue(r.json().get("mm").get("overflowed").asBoolean());
        assertTrue(r.err().contains("--allow-loss"), r.toString());
    }

    @Test
    void anAllowedLossExitsZeroAndStillCountsEveryLostFrame() throws Exception {
        Run r = live("allowed", "--window", "1", "--allow-loss");
        long lost = r.json().get("mm").get("lostFrames").asLong();
        assertTrue(lost > 0, r.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(lost, r.summaryLost(), r.toString());
        assertEquals("ok", r.json().get("status").asText(), r.toString());
    }

    @Test
    void aRunThatNeverFilledAWindowStillWritesItsMmSectionAndSaysWhy() throws Exception {
        // a window as long as the whole acquisition: once the overflowing buffer has lost a frame, however many it
        // lets through (a fast analysis drains it more often), the window cannot fill. On an idle machine the analysis
        // can drain even a 2-frame buffer for a whole run; then the window fills, and the run is tried again
        Run r = null;
        int attempt = 0;
        for (; attempt < 5; attempt++) {
            r = live("nowindow" + attempt, "--window", "300");
            if (r.json().get("mm").get("lostFrames").asLong() > 0) {
                break;
            }
            assertEquals(0, r.exit(), "a run that lost nothing fills its window and succeeds: " + r);
        }
        JsonNode mm = r.json().get("mm");
        org.junit.jupiter.api.Assumptions.assumeTrue(mm.get("lostFrames").asLong() > 0,
                "the 2-frame buffer never overflowed in 5 runs on this machine: " + r);
        assertEquals(4, r.exit(), r.toString());
        assertEquals(300, mm.get("lostFrames").asLong() + mm.get("delivered").asLong(), r.toString());
        assertEquals(2, mm.get("bufferCapacityFrames").asInt());
        assertEquals("failed", r.json().get("status").asText());
        String error = r.json().get("error").asText();
        assertTrue(error.contains("no window was analysed") && error.contains("circular buffer (2 frames) filled"), error);
        assertTrue(r.err().contains("the camera lost frames"), r.toString());
        assertFalse(Files.exists(dir.resolve("nowindow" + attempt).resolve("result.tif")));
    }
}
