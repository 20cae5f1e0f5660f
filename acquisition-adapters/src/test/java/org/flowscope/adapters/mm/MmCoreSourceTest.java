package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;

class MmCoreSourceTest {
    private static final MmSourceSpec DEMO = MmSourceSpec.parse("mm:module=DemoCamera,device=DCam");

    /** Copies every frame, as a FrameConsumer must. */
    private static final class Collector implements org.flowscope.core.source.FrameConsumer {
        final List<FrameMetadata> metadata = new ArrayList<>();
        final List<int[]> pixels = new ArrayList<>();
        Runnable afterEach = () -> { };

        @Override
        public void accept(FrameMetadata m, PixelData data) {
            metadata.add(m);
            int[] values = new int[data.length()];
            if (data instanceof PixelData.U16 u16) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = u16.pixels()[i] & 0xFFFF;
                }
            } else if (data instanceof PixelData.U8 u8) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = u8.pixels()[i] & 0xFF;
                }
            }
            pixels.add(values);
            afterEach.run();
        }

        long[] sequences() {
            return metadata.stream().mapToLong(FrameMetadata::sequence).toArray();
        }
    }

    @Test
    void deliversAFiniteRunAsUnsignedPixelsWithItsStringMetadataParsed() throws Exception {
        ScriptedCore core = new ScriptedCore();
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(12))) {
            assertEquals(PixelType.U16, source.format().pixelType());
            assertEquals(8, source.format().width());
            assertEquals(100.0, source.format().pixelSizeNm().getAsDouble(), 1e-9);
            source.run(out);
            assertFalse(source.loss().any(), source.loss().toString());
            assertEquals(12, source.loss().delivered());
            assertTrue(source.lossFailure(false).isEmpty());
        }
        assertTrue(core.calls.contains("startSequenceAcquisition 12 true"), core.calls.toString());
        assertEquals(12, out.metadata.size());
        for (int k = 0; k < 12; k++) {
            FrameMetadata m = out.metadata.get(k);
            assertEquals(k, m.sequence());
            assertEquals(Math.round((k * 10 + 0.25) * 1e6), m.acquisitionTimeNs());
            assertEquals("mm:DCam", m.source());
            assertEquals(40_000 + k, out.pixels.get(k)[0], "16-bit values are unsigned");
            assertEquals(40_000 + k + 31, out.pixels.get(k)[31]);
        }
    }

    @Test
    void deliversEightBitFramesUnsigned() throws Exception {
        ScriptedCore core = new ScriptedCore();
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core,
                MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,PixelType=8bit"), OptionalLong.of(3))) {
            assertEquals(PixelType.U8, source.format().pixelType());
            source.run(out);
        }
        assertEquals(200, out.pixels.get(0)[0]);
        assertEquals(202, out.pixels.get(2)[0]);
    }

    @Test
    void finiteRunStopsOnOverflowAndCountsTheFramesItNeverGot() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.capacity = 4;
        core.framesPerTick = tick -> tick == 0 ? 10 : 1;
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(20))) {
            source.run(out);
            MmLoss loss = source.loss();
            assertEquals(4, loss.delivered());
            assertEquals(16, loss.lostFrames());
            assertTrue(loss.overflowed());
            assertTrue(loss.any());
            assertTrue(source.lossFailure(false).orElseThrow().contains("4 of 20 delivered"));
            MmCoreSource.Section section = source.runJsonSection();
            assertEquals("mm", source.section());
            assertEquals(16L, section.lostFrames());
            assertTrue(section.overflowed());
            assertEquals("sequence, stop on overflow", section.mode());
            assertEquals(4, section.bufferCapacityFrames());
            assertEquals("16 overflow", source.progressFields().get("mm lost"));
            assertEquals(16, source.framesLostAfterLastFrame(), "no sequence gap can show the frames never acquired");
            assertTrue(source.lossFailure(false).orElseThrow().contains("circular buffer (4 frames) filled"));
            assertTrue(source.lossFailure(true).isEmpty(), "--allow-loss accepts it");
        }
        assertEquals(4, core.produced(), "the camera stops when the buffer is full");
        assertEquals(List.of(0L, 1L, 2L, 3L), out.metadata.stream().map(FrameMetadata::sequence).toList());
    }

    @Test
    void continuousRunDetectsAWholeBufferClearFromTheRemainingCountAndTheImageNumberGap() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.capacity = 5;
        // Tick 0: frames 0-3. We pop 0 (1-3 remain). Tick 1: 4, 5 fill the buffer, 6 clears it.
        core.framesPerTick = tick -> tick == 0 ? 4 : tick == 1 ? 3 : 1;
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.empty())) {
            out.afterEach = () -> {
                if (out.metadata.size() == 10) {
                    source.stop();
                }
            };
            source.run(out);
            MmLoss loss = source.loss();
            assertEquals(5, loss.lostFrames(), loss.toString());
            assertEquals(1, loss.gaps());
            assertEquals(1, loss.bufferResets());
            assertTrue(loss.exact());
            assertFalse(loss.overflowed(), "MMCore never flags overflow in continuous mode");
            assertTrue(source.lossFailure(false).isEmpty(), "an open-ended run reports loss but does not fail");
        }
        assertTrue(core.calls.contains("startContinuousSequenceAcquisition"));
        long[] seq = out.sequences();
        assertEquals(0, seq[0]);
        assertEquals(6, seq[1], "sequence numbers skip the cleared frames");
        assertEquals(7, seq[2]);
    }

    @Test
    void oldCoreCounterRestartAfterAClearIsCountedAsAResetWithALowerBound() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.capacity = 5;
        core.numbering = ScriptedCore.Numbering.PER_BUFFER;
        core.framesPerTick = tick -> tick == 0 ? 2 : tick == 1 ? 20 : 1;
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.empty())) {
            out.afterEach = () -> {
                if (out.metadata.size() == 8) {
                    source.stop();
                }
            };
            source.run(out);
            MmLoss loss = source.loss();
            assertTrue(loss.bufferResets() >= 1, loss.toString());
            assertTrue(loss.lostFrames() >= 5, loss.toString());
            assertFalse(loss.exact(), "a restarted counter cannot give the exact count");
        }
    }

    @Test
    void emptyBufferExceptionBetweenCountAndPopIsAClearNotAFailure() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.framesPerTick = tick -> tick == 0 ? 3 : 0;
        core.clearBeforePop = 1;
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(3))) {
            source.run(out);
            MmLoss loss = source.loss();
            assertEquals(1, loss.delivered());
            assertEquals(2, loss.lostFrames());
            assertEquals(1, loss.bufferResets());
        }
    }

    @Test
    void readsTheBufferCapacityAfterTheStartAndCountsAWholeBufferPerReset() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.numbering = ScriptedCore.Numbering.PER_BUFFER;
        // Tick 0: #0, #1; we pop #0. Tick 1: 15 frames fill the 16 slots, the 16th clears them and restarts at #0.
        core.framesPerTick = tick -> tick == 0 ? 2 : tick == 1 ? 16 : 1;
        assertEquals(0, core.bufferTotalCapacity(), "like MMCore, no capacity before the first start");
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.empty())) {
            out.afterEach = () -> {
                if (out.metadata.size() == 4) {
                    source.stop();
                }
            };
            source.run(out);
            MmLoss loss = source.loss();
            assertEquals(1, loss.bufferResets(), loss.toString());
            assertEquals(16, loss.lostFrames(), "one full buffer, not one frame: " + loss);
            assertFalse(loss.exact(), "a restarted counter hides further clears");
            assertEquals(16, source.runJsonSection().bufferCapacityFrames());
        }
        assertEquals(17, out.metadata.get(1).sequence(), "the sequence skips the discarded buffer");
    }

    @Test
    void reportsAnOverflowWhileTheConsumerIsStillBlocked() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.capacity = 4;
        core.tickOnAnyThread = true;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Collector out = new Collector();
        out.afterEach = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(20))) {
            Thread drain = new Thread(() -> {
                try {
                    source.run(out);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "mm-drain-test");
            drain.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!source.loss().overflowed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // The camera stopped after #0 (being consumed) and 4 buffered frames: 15 of 20 are lost, known now.
            assertEquals(1, out.metadata.size(), "the consumer is still on the first frame");
            assertEquals(15, source.loss().lostFrames(), source.loss().toString());
            assertEquals("15 overflow", source.progressFields().get("mm lost"));
            assertEquals("4/4", source.progressFields().get("mm buffer"));
            release.countDown();
            drain.join(5_000);
            assertEquals(5, source.loss().delivered());
            assertEquals(15, source.loss().lostFrames());
            assertEquals(15, source.framesLostAfterLastFrame());
        }
    }

    @Test
    void framesWithoutImageNumberAreNumberedByTheSource() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.includeImageNumber = false;
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(5))) {
            source.run(out);
            assertFalse(source.loss().any());
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), out.metadata.stream().map(FrameMetadata::sequence).toList());
    }

    @Test
    void configuresEverythingBeforeStartingAndNothingWhileAcquiring() throws Exception {
        ScriptedCore core = new ScriptedCore();
        core.width = 512;
        core.height = 512;
        MmSourceSpec spec = MmSourceSpec.parse(
                "mm:module=DemoCamera,device=DCam,label=Cam,PixelType=16bit,binning=2,exposure=5,roi=0:0:64:32,buffer=1");
        Collector out = new Collector();
        try (MmCoreSource source = MmCoreSource.open(core, spec, OptionalLong.of(4))) {
            assertEquals(64, source.format().width());
            assertEquals(32, source.format().height());
            assertEquals(200.0, source.format().framesPerSecond().getAsDouble(), 1e-9);
            assertEquals(256, core.bufferTotalCapacity(), "buffer sized after the ROI: 1 MB / (64*32*2 B)");
            source.run(out);
        }
        assertEquals(List.of("loadDevice Cam DemoCamera DCam", "setCameraDevice Cam", "setProperty Cam PixelType 16bit",
                "setProperty Cam Binning 2", "setExposure 5.0", "setROI 0 0 64 32", "setCircularBufferMemoryFootprint 1",
                "startSequenceAcquisition 4 true"), core.calls.subList(0, 8));
        assertEquals(List.of(), core.violations);
    }

    @Test
    void closingStopsTheCameraAndReleasesTheCore() throws Exception {
        ScriptedCore core = new ScriptedCore();
        MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.empty());
        Thread drain = new Thread(() -> {
            try {
                source.run((m, p) -> { });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "mm-drain-test");
        drain.start();
        while (core.produced() < 5) {
            Thread.onSpinWait();
        }
        source.close();
        drain.join(5_000);
        assertFalse(drain.isAlive());
        assertFalse(core.isSequenceRunning());
        assertTrue(core.closed);
        assertEquals("delete", core.calls.get(core.calls.size() - 1));
    }

    @Test
    void rejectsACameraThatDeliversColour() {
        ScriptedCore core = new ScriptedCore();
        var e = assertThrows(IllegalArgumentException.class, () -> MmCoreSource.open(core,
                MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,PixelType=32bitRGB"), OptionalLong.of(1)));
        assertTrue(e.getMessage().contains("4 bytes per pixel with 4 components"), e.getMessage());
        assertTrue(core.closed, "a failed open releases the core");
    }

    @Test
    void reportsWhatMmCoreRefused() {
        ScriptedCore core = new ScriptedCore();
        var e = assertThrows(MmCoreException.class, () -> MmCoreSource.open(core,
                MmSourceSpec.parse("mm:module=NoSuchModule,device=DCam"), OptionalLong.of(1)));
        assertTrue(e.getMessage().contains("loadDevice(DCam, NoSuchModule, DCam)"), e.getMessage());
        assertTrue(e.getMessage().contains("Failed to load device adapter"), e.getMessage());
    }

    @Test
    void failsLoudlyWhenTheFrameSizeChangesDuringAcquisition() {
        ScriptedCore core = new ScriptedCore();
        core.resizeAfterFrames = 2;
        Collector out = new Collector();
        MmCoreSource source = MmCoreSource.open(core, DEMO, OptionalLong.of(5));
        var e = assertThrows(MmCoreException.class, () -> source.run(out));
        assertTrue(e.getMessage().contains("frame size changed"), e.getMessage());
        assertEquals(2, out.metadata.size());
        source.close();
        assertFalse(core.isSequenceRunning());
    }

    @Test
    void rejectsAMissingConfigurationFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> MmCoreSource.open(new ScriptedCore(),
                MmSourceSpec.parse("mm:config=" + dir.resolve("nope.cfg")), OptionalLong.of(1)));
        assertTrue(e.getMessage().contains("configuration file not found"), e.getMessage());
    }

    @Test
    void usesTheCameraOfAConfigurationFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path cfg = java.nio.file.Files.writeString(dir.resolve("demo.cfg"), "# scripted\n");
        ScriptedCore core = new ScriptedCore();
        try (MmCoreSource source = MmCoreSource.open(core, MmSourceSpec.parse("mm:config=" + cfg + ",exposure=2"),
                OptionalLong.of(2))) {
            assertEquals("Camera", source.camera());
            source.run((m, p) -> assertEquals("mm:Camera", m.source()));
        }
        assertEquals("loadSystemConfiguration demo.cfg", core.calls.get(0));
    }
}
