package org.flowscope.core.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OME-Zarr stream writer, its recovery after a kill, and flowscope's own reader of what it wrote. */
class ZarrStreamWriterTest {
    @TempDir
    Path dir;

    @Test
    void framesWrittenAcrossAPartialLastChunkReadBackExactlyWithTheirCalibration() {
        Path store = dir.resolve("raw.ome.zarr");
        short[] all = ZarrReadBackTest.u16(7, 45);
        ZarrReadBackTest.writeU16(store, all, 7, 9, 5, 3, true);
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            assertEquals(7, r.frameCount());
            assertEquals(9, r.width());
            assertEquals(5, r.height());
            assertEquals(PixelType.U16, r.pixelType());
            assertEquals(108, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(20, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
            assertEquals("complete", r.status());
            for (int k = 0; k < 7; k++) {
                short[] expected = new short[45];
                System.arraycopy(all, k * 45, expected, 0, 45);
                assertArrayEquals(expected, ((PixelData.U16) r.readFrame(k)).pixels(), "frame " + k);
            }
        }
    }

    @Test
    void anAbortedOrEmptyStreamLeavesNoStore() {
        Path store = dir.resolve("raw.ome.zarr");
        ZarrStreamWriter wr = ZarrReadBackTest.writeU16(store, ZarrReadBackTest.u16(2, 6), 2, 3, 2, 1, false);
        assertTrue(Files.isDirectory(ZarrStreamWriter.partialPath(store)));
        wr.abort();
        assertFalse(Files.exists(ZarrStreamWriter.partialPath(store)));
        assertFalse(Files.exists(store));
        ZarrStreamWriter empty = ZarrReadBackTest.writeU16(store, new short[0], 0, 3, 2, 1, false);
        assertThrows(IllegalStateException.class, empty::finish);
        assertFalse(Files.exists(ZarrStreamWriter.partialPath(store)));
        assertFalse(Files.exists(store));
    }

    @Test
    void aKilledStreamRecoversEveryCompleteFrameAndCutsTheHalfWrittenOne() throws Exception {
        Path store = dir.resolve("raw.ome.zarr");
        short[] all = ZarrReadBackTest.u16(5, 12);
        ZarrStreamWriter wr = ZarrReadBackTest.writeU16(store, all, 5, 4, 3, 2, false);
        wr.sync();
        wr.stopAsIfKilled();
        Path partial = ZarrStreamWriter.partialPath(store);
        // a kill in the middle of the sixth frame: half of its bytes reached the third chunk
        try (FileChannel ch = FileChannel.open(partial.resolve("0/2/0/0"), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(12), 24);
        }
        assertEquals(List.of(partial), ZarrStreamRecovery.partialStores(dir));
        ZarrStreamRecovery.Recovered r = ZarrStreamRecovery.recover(partial);
        assertEquals(5, r.frames());
        assertEquals(4, r.durableFrames(), "the metadata had described the two complete chunks");
        assertEquals(12, r.bytesDiscarded());
        assertFalse(Files.exists(partial));
        try (ZarrStackReader z = ZarrStackReader.open(store)) {
            assertEquals(5, z.frameCount());
            assertEquals("recovered", z.status());
            short[] last = new short[12];
            System.arraycopy(all, 4 * 12, last, 0, 12);
            assertArrayEquals(last, ((PixelData.U16) z.readFrame(4)).pixels());
        }
    }

    @Test
    void recoveryKeepsWholeRecordsOnlyAndRefusesAStoreWithNone() {
        Path store = dir.resolve("result.ome.zarr");
        ZarrStreamWriter wr = ZarrStreamWriter.create(store, 3, 2, PixelType.F32, StackMetadata.of(PixelType.F32, 20, 500),
                ZarrWriteOptions.named("result", "esrrf").withFramesPerRecord(2).withFramesPerChunk(1));
        for (int k = 0; k < 5; k++) {
            wr.append(new PixelData.F32(new float[] {k, k, k, k, k, k}));
        }
        wr.stopAsIfKilled();
        ZarrStreamRecovery.Recovered r = ZarrStreamRecovery.recover(ZarrStreamWriter.partialPath(store));
        assertEquals(4, r.frames(), "two whole windows of two frames; the fifth frame's window is incomplete");
        assertEquals(2, r.records());
        assertFalse(Files.exists(store.resolve("0/4")), "the chunk of the cut record is gone");
        try (ZarrStackReader z = ZarrStackReader.open(store)) {
            assertEquals(4, z.frameCount());
            assertEquals(20, z.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(3f, ((PixelData.F32) z.readFrame(3)).pixels()[5]);
        }

        Path lone = dir.resolve("lone.ome.zarr");
        ZarrStreamWriter one = ZarrStreamWriter.create(lone, 3, 2, PixelType.F32, StackMetadata.of(PixelType.F32),
                ZarrWriteOptions.named("result", "esrrf").withFramesPerRecord(2));
        one.append(new PixelData.F32(new float[6]));
        one.stopAsIfKilled();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZarrStreamRecovery.recover(ZarrStreamWriter.partialPath(lone)));
        assertTrue(e.getMessage().contains("nothing to recover"), e.getMessage());
    }

    @Test
    void aStoreWhoseFinalNameExistsIsNotRecoveredOverIt() throws Exception {
        Path store = dir.resolve("raw.ome.zarr");
        ZarrStreamWriter wr = ZarrReadBackTest.writeU16(store, ZarrReadBackTest.u16(2, 6), 2, 3, 2, 1, false);
        wr.stopAsIfKilled();
        Files.createDirectories(store);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZarrStreamRecovery.recover(ZarrStreamWriter.partialPath(store)));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }
}
