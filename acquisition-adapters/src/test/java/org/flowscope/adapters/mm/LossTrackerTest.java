package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss rules of MMCore 12.x (per-camera numbers) and 10.x (numbers restart at every clear). */
class LossTrackerTest {
    @Test
    void aClearCountsAWholeBufferAtOnceAndTheNextNumberGapMakesItExact() {
        LossTracker t = new LossTracker(40);
        assertEquals(0, t.framePopped(0));
        t.clearObserved();
        assertEquals(40, t.snapshot().lostFrames(), "counted while it happens");
        assertEquals(1, t.snapshot().bufferResets());
        // 12.x: #121 after #0 means 120 frames, three full buffers, were discarded (two clears went unseen)
        assertEquals(120, t.framePopped(121));
        assertEquals(120, t.snapshot().lostFrames());
        assertEquals(3, t.snapshot().bufferResets());
        assertTrue(t.snapshot().exact());
    }

    @Test
    void aRestartedCounterIsOneResetAndALowerBound() {
        LossTracker t = new LossTracker(40);
        t.framePopped(0);
        t.framePopped(1);
        t.framePopped(2);
        // 10.x: #1 after #2: at least one buffer was cleared, and #0 of the new count was lost as well
        assertEquals(40 + 1, t.framePopped(1));
        MmLoss loss = t.snapshot();
        assertFalse(loss.exact());
        assertEquals(1, loss.bufferResets());
    }

    @Test
    void aFrameOlderThanOneDeliveredButNoRestartIsOutOfOrderNotALoss() {
        LossTracker t = new LossTracker(2);
        for (int k = 0; k < 100; k++) {
            t.framePopped(k);
        }
        t.clearObserved();
        // MMCore 12.5.0, 2-frame buffer: a pop that raced the camera returned #98 after #99
        assertEquals(0, t.framePopped(98));
        assertEquals(1, t.snapshot().outOfOrder());
        assertTrue(t.snapshot().exact(), "no restart: the count stays exact");
        assertEquals(4, t.framePopped(104), "the next frame in order settles the clear: #100-#103 were lost");
        assertEquals(4, t.snapshot().lostFrames());
        assertEquals(2, t.snapshot().bufferResets());
    }

    @Test
    void aSeenClearFollowedByTheNextNumberInLineIsTakenBack() {
        LossTracker t = new LossTracker(40);
        t.framePopped(0);
        t.clearObserved();
        assertEquals(0, t.framePopped(1), "a stale count, not a clear");
        assertEquals(0, t.snapshot().lostFrames());
        assertEquals(0, t.snapshot().bufferResets());
    }

    @Test
    void aFiniteRunLosesExactlyWhatItDidNotDeliverAndTheTailIsNoGap() {
        LossTracker t = new LossTracker(4);
        for (int k = 0; k < 5; k++) {
            t.framePopped(k);
        }
        t.overflowObserved(20L, 3);
        assertEquals(12, t.snapshot().lostFrames(), "20 requested - 5 delivered - 3 still waiting");
        for (int k = 5; k < 8; k++) {
            assertEquals(0, t.framePopped(k));
        }
        t.finiteRunEnded(20);
        assertEquals(12, t.snapshot().lostFrames());
        assertEquals(12, t.lostAfterLastFrame());
        assertTrue(t.snapshot().overflowed());
    }
}
