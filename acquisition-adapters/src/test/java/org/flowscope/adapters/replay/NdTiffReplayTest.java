package org.flowscope.adapters.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import mmcorej.org.json.JSONObject;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.zarr.ZarrStackReader;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.micromanager.ndtiffstorage.NDTiffStorage;

/**
 * Replay of Micro-Manager NDTiff datasets (written here by Micro-Manager's own NDTiffStorage, as Micro-Manager and
 * Pycro-Manager write them) and of OME-Zarr stores: the reader is picked from the folder, frames arrive in time order
 * with their values, pixel size and interval.
 */
class NdTiffReplayTest {
    static final int W = 6;
    static final int H = 4;

    @TempDir
    Path dir;

    static short value(int t, int i) {
        return (short) (40000 + t * 100 + i);
    }

    /** Writes an NDTiff dataset of {@code frames} time points (and {@code channels} channels) and returns its folder. */
    static Path writeNdTiff(Path parent, int frames, int channels, double pixelUm, double elapsedStepMs) throws Exception {
        JSONObject summary = new JSONObject();
        summary.put("PixelSize_um", pixelUm);
        summary.put("Interval_ms", 0.0);
        NDTiffStorage w = new NDTiffStorage(parent.toString(), "acq", summary, 0, 0, false, null, 50, null, true);
        // written out of time order, as a multi-threaded acquisition may: the reader orders by the time axis
        List<Integer> order = new ArrayList<>();
        for (int t = frames - 1; t >= 0; t--) {
            order.add(t);
        }
        for (int t : order) {
            for (int c = 0; c < channels; c++) {
                short[] px = new short[W * H];
                for (int i = 0; i < px.length; i++) {
                    px[i] = value(t, i);
                }
                JSONObject md = new JSONObject();
                md.put("ElapsedTime-ms", 1000 + t * elapsedStepMs);
                HashMap<String, Object> axes = new HashMap<>();
                axes.put("time", t);
                axes.put("channel", c);
                axes.put("z", 0);
                w.putImage(px, md, axes, false, 16, H, W).get();
            }
        }
        w.finishedWriting();
        w.closeAndWait();
        return Path.of(w.getDiskLocation());
    }

    @Test
    void anNdTiffDatasetReplaysInTimeOrderWithItsPixelSizeAndRecordedInterval() throws Exception {
        Path ds = writeNdTiff(dir, 5, 1, 0.108, 25);
        try (FrameStackReader r = Recordings.open(ds)) {
            assertTrue(r instanceof NdTiffStackReader, r.getClass().getName());
            assertEquals(5, r.frameCount());
            assertEquals(W, r.width());
            assertEquals(H, r.height());
            assertEquals(PixelType.U16, r.pixelType());
            assertEquals(108, r.metadata().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(25, r.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        }
        List<short[]> got = new ArrayList<>();
        try (ReplaySource src = new ReplaySource(ds, ReplayRate.asFastAsPossible(), 0)) {
            assertEquals(40, src.format().framesPerSecond().getAsDouble(), 1e-9);
            assertEquals(108, src.format().pixelSizeNm().getAsDouble(), 1e-9);
            src.run((meta, px) -> got.add(((PixelData.U16) px).pixels().clone()));
            ReplaySource.Section json = src.runJsonSection();
            assertEquals("ndtiff", json.format());
            assertEquals(25.0, json.frameIntervalMs());
        }
        assertEquals(5, got.size());
        for (int t = 0; t < 5; t++) {
            short[] expected = new short[W * H];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = value(t, i);
            }
            assertArrayEquals(expected, got.get(t), "frame " + t);
        }
    }

    @Test
    void theIndexFileOrTheFullResolutionFolderOpenTheSameDataset() throws Exception {
        Path ds = writeNdTiff(dir, 3, 1, 0.2, 10);
        try (FrameStackReader r = Recordings.open(ds.resolve(NdTiffStackReader.INDEX))) {
            assertEquals(3, r.frameCount());
            assertEquals(ds, r.file());
        }
    }

    @Test
    void aDatasetWithSeveralChannelsIsRefusedNamingTheAxis() throws Exception {
        Path ds = writeNdTiff(dir, 2, 2, 0.1, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recordings.open(ds));
        assertTrue(e.getMessage().contains("axis 'channel'"), e.getMessage());
    }

    @Test
    void aFolderThatIsNeitherNdTiffNorZarrIsRefusedByName() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("nothing"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recordings.open(empty));
        assertTrue(e.getMessage().contains("neither an NDTiff dataset"), e.getMessage());
    }

    @Test
    void anOmeZarrStoreReplaysWithItsCalibration() throws Exception {
        Path store = dir.resolve("raw.ome.zarr");
        ZarrStreamWriter.write(store, new org.flowscope.core.image.ImageStack(4, H, W, new float[4 * W * H]),
                StackMetadata.of(PixelType.F32, 65, 20), ZarrWriteOptions.named("raw", "raw"));
        try (ReplaySource src = new ReplaySource(store, ReplayRate.recorded(), 0)) {
            assertEquals(50, src.format().framesPerSecond().getAsDouble(), 1e-9);
            assertEquals(65, src.format().pixelSizeNm().getAsDouble(), 1e-9);
            assertEquals(4, src.frameCount());
        }
        try (FrameStackReader r = Recordings.open(store)) {
            assertTrue(r instanceof ZarrStackReader);
        }
    }
}
