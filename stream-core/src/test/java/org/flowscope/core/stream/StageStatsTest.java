package org.flowscope.core.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageStatsTest {
    @Test
    void reportsCountMeanAndQuantilesInMilliseconds() {
        StageStats s = new StageStats();
        for (int i = 1; i <= 100; i++) {
            s.record(i * 1_000_000L);
        }
        assertEquals(100, s.count());
        assertEquals(50.5, s.meanMs(), 1e-9);
        assertEquals(50.0, s.quantileMs(0.5), 1e-9);
        assertEquals(95.0, s.quantileMs(0.95), 1e-9);
        assertEquals(100.0, (double) s.toMap().get("maxMs"), 1e-9);
    }

    @Test
    void countersSumDropsAcrossStages() {
        RunCounters c = new RunCounters();
        c.add(RunCounters.CAMERA_LOST, 3);
        c.add(RunCounters.ANALYSIS_SKIPPED, 2);
        c.add("quality.skipped", 4);
        c.add(RunCounters.RAW_FRAMES, 100);
        assertEquals(9, c.drops());
    }
}
