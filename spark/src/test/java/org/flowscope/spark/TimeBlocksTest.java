package org.flowscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeBlocksTest {
    @Test
    void blocksOfTimePointsTileTheStackAndKeepAShorterLastTimePoint() {
        List<TimeBlocks.Block> b = TimeBlocks.plan(30, 8, 8, 1);
        assertEquals(List.of(new TimeBlocks.Block(0, 0, 1, 0, 8), new TimeBlocks.Block(1, 1, 1, 8, 16),
                new TimeBlocks.Block(2, 2, 1, 16, 24), new TimeBlocks.Block(3, 3, 1, 24, 30)), b);
    }

    @Test
    void aTaskOfSeveralTimePointsReadsTheirFramesOnce() {
        List<TimeBlocks.Block> b = TimeBlocks.plan(100, 10, 10, 4);
        assertEquals(3, b.size());
        assertEquals(new TimeBlocks.Block(1, 4, 4, 40, 80), b.get(1));
        assertEquals(new TimeBlocks.Block(2, 8, 2, 80, 100), b.get(2));
    }

    @Test
    void slidingWindowsReadTheFramesTheyShareInBothTasksAndNeverCutAWindow() {
        // windows of 10 every 4 frames over 30 frames: starts 0, 4, ..., 20 -> 6 whole windows
        List<TimeBlocks.Block> b = TimeBlocks.plan(30, 10, 4, 2);
        assertEquals(3, b.size());
        assertEquals(new TimeBlocks.Block(0, 0, 2, 0, 14), b.get(0));
        assertEquals(new TimeBlocks.Block(1, 2, 2, 8, 22), b.get(1));
        assertEquals(new TimeBlocks.Block(2, 4, 2, 16, 30), b.get(2));
        assertTrue(b.get(0).endFrame() > b.get(1).firstFrame(), "overlap");
    }

    @Test
    void badPlansAreRejectedNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> TimeBlocks.plan(5, 10, 2, 1));
        assertTrue(e.getMessage().contains("5 frames"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeBlocks.plan(5, 2, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeBlocks.plan(5, 2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeBlocks.plan(0, 2, 2, 1));
    }
}
