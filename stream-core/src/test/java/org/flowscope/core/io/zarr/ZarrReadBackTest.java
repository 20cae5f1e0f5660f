package org.flowscope.core.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.PythonZarr;
import org.flowscope.core.testing.Tifffile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OME-Zarr stores flowscope writes, read back by an independent reader (Python's zarr): shape, values, metadata. */
class ZarrReadBackTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsZarr() {
        assumeTrue(PythonZarr.available(), PythonZarr.MISSING);
    }

    static short[] u16(int frames, int n) {
        short[] all = new short[frames * n];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (60000 - 13 * i);
        }
        return all;
    }

    /** Writes {@code frames} frames; the background sync waits an hour, so only the test's own sync() happens. */
    static ZarrStreamWriter writeU16(Path store, short[] all, int frames, int w, int h, int perChunk, boolean finish) {
        ZarrStreamWriter wr = ZarrStreamWriter.create(store, w, h, PixelType.U16, StackMetadata.of(PixelType.U16, 108, 20),
                ZarrWriteOptions.named("raw", "camera").withFramesPerChunk(perChunk), 3_600_000);
        for (int k = 0; k < frames; k++) {
            short[] px = new short[w * h];
            System.arraycopy(all, k * w * h, px, 0, px.length);
            wr.append(new PixelData.U16(px));
        }
        if (finish) {
            wr.finish();
        }
        return wr;
    }

    @Test
    void aRawStreamReadsBackInZarrPythonWithItsShapeValuesChunksAndPhysicalScale() {
        Path store = dir.resolve("raw.ome.zarr");
        short[] all = u16(7, 45);
        writeU16(store, all, 7, 9, 5, 3, true);
        Map<String, String> z = PythonZarr.probe(store);
        assertEquals("7x5x9", z.get("shape"));
        assertEquals("uint16", z.get("dtype"));
        assertEquals("3x5x9", z.get("chunks"));
        assertEquals(Tifffile.sha256(all), z.get("sha256"));
        assertEquals("0.4", z.get("version"));
        assertEquals("t:time:second,y:space:micrometer,x:space:micrometer", z.get("axes"));
        String[] scale = z.get("scale").split(",");
        assertEquals(0.02, Double.parseDouble(scale[0]), 1e-12);
        assertEquals(0.108, Double.parseDouble(scale[1]), 1e-12);
        assertEquals(0.108, Double.parseDouble(scale[2]), 1e-12);
        assertEquals("complete", z.get("status"));
        assertEquals("raw", z.get("name"));
        assertFalse(Files.exists(ZarrStreamWriter.partialPath(store)), "the partial folder was renamed");
    }

    @Test
    void aFloatStackWithoutCalibrationReadsBackAsFloat32WithUnitlessUnitScale() {
        Path store = dir.resolve("sr.ome.zarr");
        float[] data = new float[3 * 6 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i) * 1000 + i * 0.125f;
        }
        ZarrStreamWriter.write(store, new ImageStack(3, 6, 4, data), StackMetadata.of(PixelType.F32),
                ZarrWriteOptions.named("sr", "esrrf"));
        Map<String, String> z = PythonZarr.probe(store);
        assertEquals("3x6x4", z.get("shape"));
        assertEquals("float32", z.get("dtype"));
        assertEquals(Tifffile.sha256(data), z.get("sha256"));
        assertEquals("t:time:,y:space:,x:space:", z.get("axes"), "no unit is claimed for an unknown calibration");
        assertEquals("1.0,1.0,1.0", z.get("scale"));
    }

    @Test
    void aStoreBeingWrittenDescribesOnlyItsCompleteForcedChunksAndSaysItIsBeingWritten() {
        Path store = dir.resolve("raw.ome.zarr");
        short[] all = u16(5, 12);
        try (ZarrStreamWriter wr = writeU16(store, all, 5, 4, 3, 2, false)) {
            Path partial = ZarrStreamWriter.partialPath(store);
            assertEquals("0x3x4", PythonZarr.probe(partial).get("shape"), "nothing is described before a sync");
            wr.sync();
            Map<String, String> z = PythonZarr.probe(partial);
            assertEquals("4x3x4", z.get("shape"), "two complete chunks of two frames; the fifth frame's chunk is open");
            assertEquals("writing", z.get("status"));
            short[] first4 = new short[4 * 12];
            System.arraycopy(all, 0, first4, 0, first4.length);
            assertEquals(Tifffile.sha256(first4), z.get("sha256"));
            try (ZarrStackReader r = ZarrStackReader.open(partial)) {
                assertEquals(4, r.frameCount());
                assertEquals("writing", r.status());
            }
            assertFalse(Files.exists(store), "nothing under the final name while the stream is written");
            wr.finish();
        }
        assertEquals("5x3x4", PythonZarr.probe(store).get("shape"));
    }
}
