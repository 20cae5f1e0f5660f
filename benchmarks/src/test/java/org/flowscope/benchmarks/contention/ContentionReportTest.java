package org.flowscope.benchmarks.contention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentionReportTest {
    private static final String GPU = "conv2d.cuda@CUDA H100";
    private static final String CPU = "conv2d.cpu-threaded@CPU";

    /**
     * 30 calls, contention 11-20: off stays on the GPU (10 ms, 100 ms under load); on leaves after 2 calls, returns
     * after 1; the CPU forced through the schedule takes 20 ms per call, so the oracle is the GPU outside the load
     * and the CPU during it.
     */
    private static ContentionReport synthetic() {
        List<ContentionTrace.Call> on = new ArrayList<>();
        List<ContentionTrace.Call> off = new ArrayList<>();
        List<ContentionTrace.Call> cpu = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            boolean contended = i >= 11 && i <= 20;
            off.add(new ContentionTrace.Call(i, contended, GPU, contended ? 100 : 10));
            cpu.add(new ContentionTrace.Call(i, contended, CPU, 20));
            boolean away = i >= 13 && i <= 21;
            on.add(new ContentionTrace.Call(i, contended, away ? CPU : GPU, away ? 20 : contended ? 100 : 10));
        }
        ContentionTrace offTrace = new ContentionTrace("off", off);
        ContentionTrace oracle = ContentionTrace.oracle(List.of(offTrace, new ContentionTrace("forced", cpu)));
        return new ContentionReport(new ContentionTrace("on", on), offTrace, Optional.of(oracle), GPU, 11, 20);
    }

    @Test
    void summarisesMeansGainAndSwitchTimes() {
        Map<String, Object> s = synthetic().summary();
        // off: 20 x 10 + 10 x 100 = 1200 / 30 = 40; on: 10 x 10 (1-10) + 2 x 100 + 9 x 20 + 9 x 10 = 570 / 30 = 19
        assertEquals(40.0, (double) s.get("meanOffMs"), 1e-9);
        assertEquals(19.0, (double) s.get("meanOnMs"), 1e-9);
        assertEquals(40.0 / 19.0, (double) s.get("gain"), 1e-9);
        assertEquals(2, s.get("callsUntilSwitchAway"));
        assertEquals(1, s.get("callsUntilSwitchBack"));
        assertEquals(2, s.get("switches"));
        assertEquals(100.0, (double) s.get("meanOffDuringMs"), 1e-9);
    }

    @Test
    void theOracleTakesThePerCallFasterForcedCandidateAndIsComparedWithEngineOn() {
        Map<String, Object> s = synthetic().summary();
        // oracle: 20 x 10 ms on the GPU outside the load + 10 x 20 ms on the CPU during it = 400 / 30
        assertEquals(400.0 / 30, (double) s.get("meanOracleMs"), 1e-9);
        assertEquals(20.0, (double) s.get("meanOracleDuringMs"), 1e-9);
        assertEquals(10.0, (double) s.get("meanOracleBeforeMs"), 1e-9);
        assertEquals(19.0 / (400.0 / 30), (double) s.get("onOverOracle"), 1e-9);
        assertTrue(synthetic().text().contains("engine on / oracle 1.425"), synthetic().text());
    }

    @Test
    void forcedTracesOfDifferentSchedulesCannotMakeAnOracle() {
        List<ContentionTrace.Call> a = List.of(new ContentionTrace.Call(1, false, GPU, 1), new ContentionTrace.Call(2, true, GPU, 5));
        List<ContentionTrace.Call> b = List.of(new ContentionTrace.Call(1, false, CPU, 2), new ContentionTrace.Call(2, false, CPU, 2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ContentionTrace.oracle(List.of(new ContentionTrace("off", a), new ContentionTrace("forced", b))));
        assertTrue(e.getMessage().contains("call 2"), e.getMessage());
    }

    @Test
    void aSingleExplorationProbeIsNotASwitch() {
        List<ContentionTrace.Call> calls = new ArrayList<>();
        String[] choices = {GPU, GPU, CPU, GPU, GPU, CPU, CPU, CPU, GPU, GPU, GPU};
        for (int i = 0; i < choices.length; i++) {
            calls.add(new ContentionTrace.Call(i + 1, i >= 1 && i <= 7, choices[i], 1));
        }
        ContentionTrace t = new ContentionTrace("on", calls);
        // contention calls 2..8: the probe at call 3 is ignored, the sustained move starts at call 6 (4 calls after onset)
        assertEquals(4, t.callsUntilSwitchAway(2, GPU).getAsInt());
        assertEquals(0, t.callsUntilSwitchBack(8, GPU).getAsInt());
    }

    @Test
    void reportsNeverWhenTheAgentDoesNotSwitch() {
        List<ContentionTrace.Call> calls = List.of(new ContentionTrace.Call(1, false, GPU, 1), new ContentionTrace.Call(2, true, GPU, 5));
        ContentionTrace t = new ContentionTrace("off", calls);
        ContentionReport r = new ContentionReport(new ContentionTrace("on", calls), t, Optional.of(ContentionTrace.oracle(List.of(t))), GPU, 2, 2);
        assertNull(r.summary().get("callsUntilSwitchAway"));
        assertTrue(r.text().contains("moved away (for >= 3 calls) never"), r.text());
    }

    @Test
    void writesOneCsvRowPerCallAndAPlot(@TempDir Path dir) throws Exception {
        ContentionReport r = synthetic();
        r.writeCsv(dir.resolve("calls.csv"));
        r.writePng(dir.resolve("plot.png"));
        List<String> lines = Files.readAllLines(dir.resolve("calls.csv"));
        assertEquals(31, lines.size());
        assertEquals("call,contended,on_choice,on_ms,off_choice,off_ms,oracle_choice,oracle_ms", lines.get(0));
        assertEquals("13,true," + CPU + ",20.0000," + GPU + ",100.0000," + CPU + ",20.0000", lines.get(13));
        BufferedImage img = ImageIO.read(dir.resolve("plot.png").toFile());
        assertEquals(1500, img.getWidth());
        assertFalse(Files.exists(dir.resolve(".plot.png.part")));
    }

    @Test
    void aCsvReadBackGivesTheSameSummary(@TempDir Path dir) {
        ContentionReport r = synthetic();
        r.writeCsv(dir.resolve("calls.csv"));
        assertEquals(r.summary(), ContentionReport.readCsv(dir.resolve("calls.csv"), GPU, 11, 20).summary());
    }

    @Test
    void aCsvWrittenBeforeTheOracleIsReadWithoutOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.csv"), "call,contended,on_choice,on_ms,off_choice,off_ms\n"
                + "1,false," + GPU + ",10.0000," + GPU + ",10.0000\n2,true," + CPU + ",20.0000," + GPU + ",100.0000\n");
        ContentionReport r = ContentionReport.readCsv(dir.resolve("old.csv"), GPU, 2, 2);
        assertNull(r.summary().get("meanOracleMs"));
        assertTrue(r.text().contains("oracle    : not measured"), r.text());
        assertEquals(55.0, (double) r.summary().get("meanOffMs"), 1e-9);
    }
}
