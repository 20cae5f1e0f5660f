package org.flowscope.core.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.CountingSource;
import org.flowscope.core.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class IngestRingTest {
    private final RunCounters counters = new RunCounters();

    private static long valueOf(Frame f) {
        long v = ((PixelData.U16) f.pixels()).pixels()[5] & 0xFFFF;
        assertEquals(f.sequence(), v, "pixels belong to their frame");
        f.release();
        return v;
    }

    @Test
    void deliversEveryFrameInOrderAndCompletes() {
        FramePool pool = new FramePool(8, 8, PixelType.U16, 16);
        StepVerifier.create(IngestRing.frames(CountingSource.of(8, 8, 500), pool, 8, counters).map(IngestRingTest::valueOf))
                .expectNextSequence(java.util.stream.LongStream.range(0, 500).boxed().toList())
                .verifyComplete();
        assertEquals(500, counters.get(RunCounters.INGEST_FRAMES));
        assertEquals(0, counters.get(RunCounters.CAMERA_LOST));
        PoolAssertions.assertNoLeaks(pool);
    }

    @Test
    void honoursRequestNAndSlowsTheProducerInsteadOfDropping() {
        FramePool pool = new FramePool(8, 8, PixelType.U16, 4);
        CountingSource source = CountingSource.of(8, 8, 100);
        StepVerifier.create(IngestRing.frames(source, pool, 4, counters).map(IngestRingTest::valueOf), 3)
                .expectNext(0L, 1L, 2L)
                .expectNoEvent(Duration.ofMillis(100))
                .then(() -> assertTrue(source.delivered() <= 3 + 4 + 1,
                        "producer blocked by the pool, delivered " + source.delivered()))
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(97)
                .verifyComplete();
        assertTrue(pool.waits() > 0);
        PoolAssertions.assertNoLeaks(pool);
    }

    @Test
    void countsSequenceGapsAsCameraLoss() {
        FramePool pool = new FramePool(8, 8, PixelType.U16, 8);
        CountingSource source = new CountingSource(8, 8, 50, 0, Set.of(10, 11, 30), -1);
        StepVerifier.create(IngestRing.frames(source, pool, 8, counters).map(IngestRingTest::valueOf))
                .expectNextCount(47)
                .verifyComplete();
        assertEquals(3, counters.get(RunCounters.CAMERA_LOST));
        PoolAssertions.assertNoLeaks(pool);
    }

    @Test
    void cancelStopsTheSourceAndReleasesRingFrames() {
        FramePool pool = new FramePool(8, 8, PixelType.U16, 8);
        CountingSource source = CountingSource.paced(8, 8, 100_000, 100);
        StepVerifier.create(IngestRing.frames(source, pool, 8, counters).map(IngestRingTest::valueOf), 5)
                .expectNextCount(5)
                .thenCancel()
                .verify();
        PoolAssertions.assertNoLeaks(pool);
        assertTrue(source.delivered() < 100_000);
    }

    @Test
    void cancelAfterTheSourceEndedStillReleasesTheFramesWaitingInTheRing() {
        // the producer has published everything and waits for the end; cancel interrupts it: the frames still in
        // the ring must be released before the ring halts
        for (int round = 0; round < 20; round++) {
            FramePool pool = new FramePool(8, 8, PixelType.U16, 32);
            CountingSource source = CountingSource.of(8, 8, 20);
            StepVerifier.create(IngestRing.frames(source, pool, 32, counters).map(IngestRingTest::valueOf), 2)
                    .expectNextCount(2)
                    .then(() -> {
                        long until = System.nanoTime() + 2_000_000_000L;
                        while (source.delivered() < 20 && System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    })
                    .thenCancel()
                    .verify();
            PoolAssertions.assertNoLeaks(pool, 2000);
        }
    }

    @Test
    void sourceFailureArrivesAfterTheFramesBeforeIt() {
        FramePool pool = new FramePool(8, 8, PixelType.U16, 8);
        CountingSource source = new CountingSource(8, 8, 50, 0, Set.of(), 20);
        StepVerifier.create(IngestRing.frames(source, pool, 8, counters).map(IngestRingTest::valueOf))
                .expectNextCount(20)
                .verifyErrorMessage("camera failed at frame 20");
        PoolAssertions.assertNoLeaks(pool);
    }
}
