package org.flowscope.mmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.flowscope.adapters.mm.MmCoreSource;
import org.flowscope.adapters.mm.MmInstallation;
import org.flowscope.adapters.mm.MmLoss;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MMCore source against a real MMCore and its DemoCamera (10.1.1 or 12.5.0, one per test JVM, see the pom).
 * Frames are 16-bit; {@code buffer=1} at 512x512 gives MMCore's circular buffer 2 frames, which any stall fills.
 */
@Tag("mm-core")
class RealCoreSourceTest {
    private static final String DCAM = "mm:module=DemoCamera,device=DCam,PixelType=16bit";
    /** 2 frames of 512x512x2 bytes in 1 MB. */
    private static final String TINY_BUFFER = DCAM + ",buffer=1";

    private MmInstallation installation;

    @BeforeEach
    void findInstallation() {
        installation = RealMm.installation();
    }

    /** Records sequence numbers and the largest unsigned pixel value; optionally acts after each frame. */
    private static final class Recorder implements FrameConsumer {
        final List<Long> sequences = new ArrayList<>();
        int max;
        Runnable afterEach = () -> { };

        @Override
        public void accept(FrameMetadata m, PixelData data) {
            sequences.add(m.sequence());
            for (short s : ((PixelData.U16) data).pixels()) {
                max = Math.max(max, s & 0xFFFF);
            }
            afterEach.run();
        }

        long gapFrames() {
            long sum = 0;
            for (int k = 1; k < sequences.size(); k++) {
                sum += sequences.get(k) - sequences.get(k - 1) - 1;
            }
            return sum + (sequences.isEmpty() ? 0 : sequences.get(0));
        }
    }

    private static MmCoreSource.Section section(MmCoreSource source) {
        return source.runJsonSection();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFiniteRunDeliversEveryFrameInOrderAsUnsignedTwelveBitPixels() throws Exception {
        Recorder out = new Recorder();
        try (MmCoreSource source = RealMm.open(installation, DCAM + ",BitDepth=12,exposure=2,roi=0:0:128:64",
                OptionalLong.of(100))) {
            source.run(out);
            assertFalse(source.loss().any(), source.loss().toString());
            int capacity = section(source).bufferCapacityFrames();
            assertTrue(capacity > 0, "the capacity is read after the start (MMCore reports 0 before): " + capacity);
        }
        assertEquals(100, out.sequences.size());
        for (int k = 0; k < 100; k++) {
            assertEquals(k, out.sequences.get(k));
        }
        assertTrue(out.max > 0 && out.max < 4096, "12-bit values, read unsigned: max " + out.max);
    }

    @Test
    void aContinuousRunDeliversEveryFrameUntilStoppedWhenDrainedInTime() throws Exception {
        Recorder out = new Recorder();
        try (MmCoreSource source = RealMm.open(installation, DCAM + ",exposure=2,roi=0:0:64:64,buffer=16",
                OptionalLong.empty())) {
            out.afterEach = () -> {
                if (out.sequences.size() == 100) {
                    source.stop();
                }
            };
            source.run(out);
            assertFalse(source.loss().any(), source.loss().toString());
            assertTrue(source.lossFailure(false).isEmpty());
        }
        assertTrue(out.sequences.size() >= 100, "frames after the stop request are still drained: " + out.sequences.size());
        assertEquals(0, out.gapFrames());
    }

    @Test
    void aFiniteRunWhoseConsumerStallsShowsTheOverflowWhileTheConsumerIsStillBlocked() throws Exception {
        Recorder out = new Recorder();
        MmLoss[] whileBlocked = {null};
        try (MmCoreSource source = RealMm.open(installation, TINY_BUFFER + ",exposure=2", OptionalLong.of(60))) {
            out.afterEach = () -> {
                if (out.sequences.size() == 1) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!source.loss().overflowed() && System.nanoTime() < deadline) {
                        sleep(5);
                    }
                    whileBlocked[0] = source.loss();
                }
            };
            source.run(out);
            MmLoss loss = source.loss();
            assertTrue(whileBlocked[0].overflowed(), "seen while the consumer was still on frame 0: " + whileBlocked[0]);
            assertEquals(2, section(source).bufferCapacityFrames());
            // frame 0 in the consumer, 2 in the buffer, the camera stopped: 57 of 60 never acquired, known at once
            assertEquals(57, whileBlocked[0].lostFrames(), whileBlocked[0].toString());
            assertEquals(3, loss.delivered(), loss.toString());
            assertEquals(57, loss.lostFrames(), loss.toString());
            assertTrue(loss.exact());
            assertEquals(57, source.framesLostAfterLastFrame(), "the tail is no sequence gap");
            assertTrue(source.lossFailure(false).orElseThrow().contains("3 of 60 delivered"));
        }
        assertEquals(List.of(0L, 1L, 2L), out.sequences);
    }

    @Test
    void aContinuousRunUnderOverflowCountsEveryResetAndNeverFailsOnAnEmptyBuffer() throws Exception {
        Recorder out = new Recorder();
        // A frame every ~2 ms, drained every 3+ ms: MMCore clears the whole 2-frame buffer dozens of times, now and
        // then between our count and our pop ("Circular buffer is empty": a counted reset, never an error). Not
        // faster: MMCore's pop copies its slot after releasing the buffer lock, and a camera that laps the buffer
        // during that copy (exposure 0) crashed MMCore 10.1.1 in Metadata::operator= in 2 of 20 such runs.
        try (MmCoreSource source = RealMm.open(installation, TINY_BUFFER + ",exposure=2,FastImage=1",
                OptionalLong.empty())) {
            out.afterEach = () -> {
                sleep(3);
                if (out.sequences.size() == 150) {
                    source.stop();
                }
            };
            source.run(out);
            MmLoss loss = source.loss();
            int capacity = section(source).bufferCapacityFrames();
            assertEquals(2, capacity);
            assertTrue(loss.bufferResets() > 0, loss.toString());
            assertEquals(loss.lostFrames(), out.gapFrames() + source.framesLostAfterLastFrame(),
                    "the frame sequence skips exactly the lost frames: " + loss);
            if (RealMm.numbersFramesPerCamera(source)) {
                assertTrue(loss.exact(), "12.x: ImageNumber gaps make the count exact: " + loss);
                assertEquals(loss.bufferResets() * capacity, loss.lostFrames(), "a full buffer per reset: " + loss);
            } else {
                assertFalse(loss.exact(), "10.x restarts ImageNumber at each clear: a lower bound: " + loss);
                assertTrue(loss.lostFrames() >= loss.bufferResets() * capacity, loss.toString());
            }
            assertTrue(source.lossFailure(false).isEmpty(), "an open-ended run reports its loss but does not fail");
            System.out.printf("%s: %d delivered, %s, cleared between count and pop %s times%n", source.coreVersion(),
                    loss.delivered(), loss.summary(), section(source).clearedBetweenCountAndPop());
        }
    }

    @Test
    void aControllerThatReconnectsGetsAFreshCoreAndNoOverflowCarriedOver() throws Exception {
        for (int round = 0; round < 2; round++) {
            Recorder stalled = new Recorder();
            stalled.afterEach = () -> sleep(stalled.sequences.size() == 1 ? 200 : 0);
            try (MmCoreSource source = RealMm.open(installation, TINY_BUFFER + ",exposure=2", OptionalLong.of(20))) {
                source.run(stalled);
                assertTrue(source.loss().overflowed(), "round " + round + ": " + source.loss());
            }
            Recorder clean = new Recorder();
            try (MmCoreSource source = RealMm.open(installation, DCAM + ",exposure=2,roi=0:0:64:64,buffer=16",
                    OptionalLong.of(30))) {
                source.run(clean);
                assertFalse(source.loss().any(), "round " + round + ": " + source.loss());
            }
            assertEquals(30, clean.sequences.size());
        }
    }

    @Test
    void twoSourcesAcquireAtOnceInOneJvm() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (MmCoreSource camA = RealMm.open(installation, DCAM + ",label=CamA,exposure=2,roi=0:0:64:64,buffer=16",
                OptionalLong.of(50));
             MmCoreSource camB = RealMm.open(installation, DCAM + ",label=CamB,exposure=3,roi=0:0:32:32,buffer=16",
                     OptionalLong.of(40))) {
            Thread other = new Thread(() -> {
                try {
                    camB.run(b);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "camB");
            other.start();
            camA.run(a);
            other.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(camA.loss().any(), camA.loss().toString());
            assertFalse(camB.loss().any(), camB.loss().toString());
        }
        assertEquals(50, a.sequences.size());
        assertEquals(40, b.sequences.size());
    }
}
