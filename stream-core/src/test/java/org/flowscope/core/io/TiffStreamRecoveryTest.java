package org.flowscope.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffStreamRecoveryTest {
    @TempDir
    Path dir;

    /** Writes {@code frames} 4x3 float frames (value = 10 k + i) and leaves the writer open, as a killed process does. */
    private TiffStreamWriter abandoned(Path file, int frames, int perRecord) {
        TiffStreamWriter w = TiffStreamWriter.create(file, 4, 3, PixelType.F32, StackMetadata.of(PixelType.F32, 30, 200),
                TiffWriteOptions.defaults().withFramesPerRecord(perRecord));
        for (int k = 0; k < frames; k++) {
            float[] px = new float[12];
            for (int i = 0; i < 12; i++) {
                px[i] = 10 * k + i;
            }
            w.append(new PixelData.F32(px));
        }
        return w;
    }

    @Test
    void aPartialFrameAtTheEndIsCutOffAndEveryCompleteFrameKept() throws IOException {
        Path f = dir.resolve("raw.tif");
        abandoned(f, 5, 1);
        Path partial = TiffStacks.partialPath(f);
        Files.write(partial, new byte[20], StandardOpenOption.APPEND); // 20 of a frame's 48 bytes
        TiffStreamRecovery.Recovered r = TiffStreamRecovery.recover(partial);
        assertEquals(5, r.frames());
        assertEquals(20, r.bytesDiscarded());
        assertFalse(r.bigTiff());
        assertFalse(Files.exists(partial));
        TiffStack back = TiffStacks.read(f);
        assertEquals(5, back.stack().frames());
        assertEquals(10 * 4 + 11, back.stack().get(4, 2, 3), 0);
        assertEquals(30.0, back.metadata().pixelSizeNm().getAsDouble(), 1e-9);
        assertEquals(200.0, back.metadata().frameIntervalMs().getAsDouble(), 1e-9);
    }

    @Test
    void resultsAreRecoveredInWholeRecordsOnly() {
        Path f = dir.resolve("result.tif");
        abandoned(f, 7, 3);
        TiffStreamRecovery.Recovered r = TiffStreamRecovery.recover(TiffStacks.partialPath(f));
        assertEquals(6, r.frames());
        assertEquals(2, r.records());
        assertEquals(48, r.bytesDiscarded());
        assertEquals(6, TiffStacks.read(f).stack().frames());
    }

    @Test
    void aStreamWithoutACompleteFrameIsNotRecoveredAndStaysPartial() throws IOException {
        Path f = dir.resolve("raw.tif");
        abandoned(f, 0, 1);
        Path partial = TiffStacks.partialPath(f);
        Files.write(partial, new byte[47], StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiffStreamRecovery.recover(partial));
        assertTrue(e.getMessage().startsWith("nothing to recover") && e.getMessage().contains("0 complete frame"),
                e.getMessage());
        assertTrue(Files.exists(partial));
        assertFalse(Files.exists(f));
    }

    @Test
    void recoveryNeverReplacesAnExistingFile() throws IOException {
        Path f = dir.resolve("raw.tif");
        abandoned(f, 2, 1);
        Files.writeString(f, "an earlier run's file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TiffStreamRecovery.recover(TiffStacks.partialPath(f)));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("an earlier run's file", Files.readString(f));
    }

    @Test
    void aStreamKilledBetweenItsDirectoriesAndTheRenameIsRenamed() throws IOException {
        Path done = dir.resolve("done.tif");
        TiffStacks.writeF32(done, ImageStack.zeros(3, 4, 4), StackMetadata.of(PixelType.F32));
        Path partial = TiffStacks.partialPath(dir.resolve("raw.tif"));
        Files.move(done, partial);
        assertEquals(List.of(partial), TiffStreamRecovery.partialStreams(dir));
        TiffStreamRecovery.Recovered r = TiffStreamRecovery.recover(partial);
        assertTrue(r.alreadyTiff());
        assertEquals(3, r.frames());
        assertTrue(Files.exists(dir.resolve("raw.tif")));
    }

    @Test
    void otherPartialFilesAreNotTakenForStreams() throws IOException {
        Files.writeString(dir.resolve("run.json.partial"), "{\"status\": \"running\"}");
        abandoned(dir.resolve("raw.tif"), 1, 1);
        assertEquals(List.of(dir.resolve("raw.tif.partial")), TiffStreamRecovery.partialStreams(dir));
        assertThrows(IllegalArgumentException.class, () -> TiffStreamRecovery.recover(dir.resolve("run.json.partial")));
    }

    @Test
    void theFormatIsClassicTiffUpTo4GibAndBigTiffBeyond() {
        // 2048x2048 u16 frames are 8 MiB: 511 of them and their directories fit 4 GiB, 512 do not
        TiffDirectories d = new TiffDirectories(2048, 2048, PixelType.U16, "ImageJ=1.54p\n", OptionalDouble.of(100));
        assertFalse(d.needsBigTiff(StreamHeader.DATA_START, 511));
        assertTrue(d.needsBigTiff(StreamHeader.DATA_START, 512));
        assertTrue(d.classicLength(StreamHeader.DATA_START, 511) < TiffDirectories.MAX_CLASSIC);
    }
}
