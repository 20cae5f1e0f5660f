package org.flowscope.core.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.PythonZarr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flowscope's OME-Zarr reader on stores another writer (Python's zarr) made, and on damaged or unsupported ones. */
class ZarrStackReaderTest {
    private static final String TCZYX = "{\"name\":\"t\",\"type\":\"time\",\"unit\":\"millisecond\"};"
            + "{\"name\":\"c\",\"type\":\"channel\"};{\"name\":\"z\",\"type\":\"space\",\"unit\":\"micrometer\"};"
            + "{\"name\":\"y\",\"type\":\"space\",\"unit\":\"micrometer\"};{\"name\":\"x\",\"type\":\"space\",\"unit\":\"micrometer\"}";

    @TempDir
    Path dir;

    @Test
    void aFiveDimensionalBigEndianZlibStoreInSpatialTilesReadsWithItsValuesAndCalibration() {
        assumeTrue(PythonZarr.available(), PythonZarr.MISSING);
        Path store = dir.resolve("mm.ome.zarr");
        // 4 frames of 30 rows x 20 columns, chunks of 3 frames x 16 x 8: edge chunks in t, y and x
        PythonZarr.writeFixture(store, "4x1x1x30x20", "3x1x1x16x8", ">u2", "zlib", TCZYX, "50,1,0.5,0.065,0.065");
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            assertEquals(4, r.frameCount());
            assertEquals(20, r.width());
            assertEquals(30, r.height());
            assertEquals(PixelType.U16, r.pixelType());
            assertEquals(65, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(50, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
            for (int t : new int[] {0, 2, 3, 1}) {
                short[] px = ((PixelData.U16) r.readFrame(t)).pixels();
                for (int i = 0; i < px.length; i++) {
                    int expected = (int) PythonZarr.fixtureValue((long) t * 600 + i);
                    assertEquals(expected, px[i] & 0xFFFF, "frame " + t + " pixel " + i);
                }
            }
        }
    }

    @Test
    void aGzipFloatStoreWithoutTimeReadsAsOneFrame() {
        assumeTrue(PythonZarr.available(), PythonZarr.MISSING);
        Path store = dir.resolve("sr.zarr");
        PythonZarr.writeFixture(store, "7x5", "4x4", "<f4", "gzip",
                "{\"name\":\"y\",\"type\":\"space\",\"unit\":\"nanometer\"};{\"name\":\"x\",\"type\":\"space\",\"unit\":\"nanometer\"}",
                "20,20");
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            assertEquals(1, r.frameCount());
            assertEquals(20, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertTrue(r.metadata().frameIntervalMs().isEmpty());
            float[] px = ((PixelData.F32) r.readFrame(0)).pixels();
            for (int i = 0; i < px.length; i++) {
                assertEquals((float) PythonZarr.fixtureValue(i), px[i], "pixel " + i);
            }
        }
    }

    @Test
    void moreThanOneChannelIsRefusedByName() {
        assumeTrue(PythonZarr.available(), PythonZarr.MISSING);
        Path store = dir.resolve("two.ome.zarr");
        PythonZarr.writeFixture(store, "2x2x1x4x4", "1x1x1x4x4", "<u2", "none", TCZYX, "1,1,1,1,1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZarrStackReader.open(store));
        assertTrue(e.getMessage().contains("axis 'c'") && e.getMessage().contains("2 entries"), e.getMessage());
    }

    @Test
    void aZarrV3StoreAndAnUnsupportedCodecAreRefusedByName() throws Exception {
        Path v3 = Files.createDirectories(dir.resolve("v3.zarr"));
        Files.writeString(v3.resolve("zarr.json"), "{\"zarr_format\":3,\"node_type\":\"group\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZarrStackReader.open(v3));
        assertTrue(e.getMessage().contains("Zarr v3"), e.getMessage());

        Path blosc = Files.createDirectories(dir.resolve("blosc.zarr"));
        Files.writeString(blosc.resolve(ZarrArrayMetadata.FILE), "{\"zarr_format\":2,\"shape\":[2,4,4],\"chunks\":[1,4,4],"
                + "\"dtype\":\"<u2\",\"compressor\":{\"id\":\"blosc\",\"cname\":\"lz4\"},\"fill_value\":0,\"order\":\"C\","
                + "\"filters\":null}");
        e = assertThrows(IllegalArgumentException.class, () -> ZarrStackReader.open(blosc));
        assertTrue(e.getMessage().contains("unsupported compressor 'blosc'"), e.getMessage());
    }

    @Test
    void aTruncatedChunkIsRefusedNamingTheChunk() throws Exception {
        Path store = dir.resolve("raw.ome.zarr");
        ZarrReadBackTest.writeU16(store, ZarrReadBackTest.u16(4, 6), 4, 3, 2, 2, true);
        Path chunk = store.resolve("0/1/0/0");
        Files.write(chunk, new byte[5]);
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            r.readFrame(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.readFrame(2));
            assertTrue(e.getMessage().contains(chunk.toString()) && e.getMessage().contains("holds 5 bytes"),
                    e.getMessage());
        }
    }

    @Test
    void aFolderWithoutZarrMetadataIsNotAZarrStore() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZarrStackReader.open(plain));
        assertTrue(e.getMessage().contains("not a Zarr v2 store"), e.getMessage());
    }
}
