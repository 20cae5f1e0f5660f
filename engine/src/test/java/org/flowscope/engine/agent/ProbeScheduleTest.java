package org.flowscope.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.fixtures.Keys;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {
    private final DelayKey key = new DelayKey("op", "impl", Keys.GPU);

    @Test
    void probesOftenAtFirstAndLessAsTheDelayAges() {
        ProbeSchedule s = new ProbeSchedule();
        // 10 ms candidate slowed 5x, alternative 30 ms: a probe costs 20 ms extra, each call late costs 20 ms
        assertEquals(ProbeSchedule.MIN, s.interval(key, 100, 0.010, 0.050, 0.030));
        assertEquals(4, s.interval(key, 108, 0.010, 0.050, 0.030));
        assertEquals(14, s.interval(key, 200, 0.010, 0.050, 0.030));
        assertEquals(ProbeSchedule.MAX, s.interval(key, 2000, 0.010, 0.050, 0.030));
    }

    @Test
    void expensiveProbesAreSpacedFurtherThanCheapOnes() {
        ProbeSchedule cheap = new ProbeSchedule();
        ProbeSchedule dear = new ProbeSchedule();
        cheap.interval(key, 0, 0.010, 0.031, 0.030);
        dear.interval(key, 0, 0.010, 0.500, 0.030);
        assertTrue(cheap.interval(key, 50, 0.010, 0.031, 0.030) < dear.interval(key, 50, 0.010, 0.500, 0.030));
    }

    @Test
    void aNewDelayStartsWithShortIntervalsAgain() {
        ProbeSchedule s = new ProbeSchedule();
        s.interval(key, 0, 0.010, 0.050, 0.030);
        assertEquals(14, s.interval(key, 100, 0.010, 0.050, 0.030));
        s.ended(key);
        assertEquals(-1, s.age(key, 100));
        assertEquals(ProbeSchedule.MIN, s.interval(key, 101, 0.010, 0.050, 0.030));
    }
}
