package org.flowscope.core.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM writing a raw and a result OME-Zarr stream is killed with SIGKILL at seeded random moments, some
 * after the writer's once-a-second metadata update: the partial store must then describe only complete frames with
 * their exact values (it is readable as it stands), and recovery must produce exactly the frames (and whole records)
 * completely written.
 */
class ZarrCrashRecoveryTest {
    private static final int TRIALS = 5;

    @TempDir
    Path dir;

    @Test
    void aStoreKilledAtAnyMomentDescribesOnlyCompleteFramesAndRecoversEveryFrameCompletelyWritten() throws Exception {
        Random random = new Random(20261204);
        for (int t = 0; t < TRIALS; t++) {
            Path trial = Files.createDirectories(dir.resolve("trial" + t));
            int delayMs = 30 + random.nextInt(1500);
            Process child = startChild(trial);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            if (!"ready".equals(out.readLine())) {
                child.destroyForcibly();
                throw new AssertionError("child did not start: " + Files.readString(trial.resolve("child.err")));
            }
            Thread.sleep(delayMs);
            assertTrue(child.toHandle().destroyForcibly());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            long reportedRaw = 0;
            long reportedWindows = 0;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("raw ")) {
                    reportedRaw = Long.parseLong(line.substring(4));
                } else if (line.startsWith("win ")) {
                    reportedWindows = Long.parseLong(line.substring(4));
                }
            }
            String where = "trial " + t + " (killed after " + delayMs + " ms, " + reportedRaw + " frames reported)";
            Path rawPartial = trial.resolve("raw.ome.zarr.partial");
            Path resPartial = trial.resolve("result.ome.zarr.partial");
            assertEquals(List.of(rawPartial, resPartial), ZarrStreamRecovery.partialStores(trial), where);

            long described;
            try (ZarrStackReader live = ZarrStackReader.open(rawPartial)) {
                described = live.frameCount();
                assertEquals("writing", live.status(), where);
                assertEquals(0, described % ZarrWriterChild.RAW_PER_CHUNK, where + ": whole chunks only");
                assertTrue(described <= reportedRaw, where + ": " + described + " frames described");
                checkRaw(live, described, where + " (partial store)");
            }
            ZarrStreamRecovery.Recovered raw = ZarrStreamRecovery.recover(rawPartial);
            assertTrue(raw.frames() == reportedRaw || raw.frames() == reportedRaw + 1, where + ": " + raw.frames());
            assertEquals(described, raw.durableFrames(), where);
            try (ZarrStackReader r = ZarrStackReader.open(raw.store())) {
                assertEquals("recovered", r.status(), where);
                checkRaw(r, raw.frames(), where);
            }
            if (reportedWindows > 0) {
                ZarrStreamRecovery.Recovered res = ZarrStreamRecovery.recover(resPartial);
                assertTrue(res.records() == reportedWindows || res.records() == reportedWindows + 1, where);
                checkResult(res.store(), res.frames(), where);
            }
            assertFalse(Files.exists(rawPartial), where);
            ZarrFiles.deleteRecursively(trial);
        }
    }

    private Process startChild(Path trial) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ZarrWriterChild.class.getName(), trial.toString()));
        return new ProcessBuilder(cmd).redirectError(trial.resolve("child.err").toFile()).start();
    }

    private static void checkRaw(ZarrStackReader r, long frames, String where) {
        assertEquals(frames, r.frameCount(), where);
        assertEquals(100.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9, where);
        assertEquals(10.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9, where);
        for (int k = 0; k < frames; k++) {
            short[] px = ((PixelData.U16) r.readFrame(k)).pixels();
            for (int i = 0; i < px.length; i++) {
                if (px[i] != ZarrWriterChild.raw(k, i)) {
                    throw new AssertionError(where + ": raw frame " + k + " pixel " + i + " is " + px[i]);
                }
            }
        }
    }

    private static void checkResult(Path store, long frames, String where) {
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            assertEquals(frames, r.frameCount(), where);
            assertEquals(0, frames % ZarrWriterChild.RECORD, where);
            assertEquals(20.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9, where);
            for (int k = 0; k < frames; k++) {
                float[] px = ((PixelData.F32) r.readFrame(k)).pixels();
                for (int i = 0; i < px.length; i++) {
                    if (px[i] != ZarrWriterChild.result(k / ZarrWriterChild.RECORD, k % ZarrWriterChild.RECORD, i)) {
                        throw new AssertionError(where + ": result frame " + k + " pixel " + i + " is " + px[i]);
                    }
                }
            }
        }
    }
}
