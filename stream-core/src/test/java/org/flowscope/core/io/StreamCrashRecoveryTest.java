package org.flowscope.core.io;

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
 * A real child JVM writing a raw stream and a result stream is killed with SIGKILL at 20 seeded random moments;
 * recovery must then produce exactly the frames (and whole records) completely written, with exact pixel values.
 */
class StreamCrashRecoveryTest {
    private static final int TRIALS = 20;

    @TempDir
    Path dir;

    @Test
    void aStreamKilledAtAnyMomentRecoversEveryFrameCompletelyWritten() throws Exception {
        Random random = new Random(20261203);
        int midFrameCuts = 0;
        for (int t = 0; t < TRIALS; t++) {
            Path trial = Files.createDirectories(dir.resolve("trial" + t));
            int delayMs = 20 + random.nextInt(300);
            Process child = startChild(trial);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"ready".equals(first)) {
                child.destroyForcibly();
                throw new AssertionError("child did not start: " + Files.readString(trial.resolve("child.err")));
            }
            Thread.sleep(delayMs);
            // SIGKILL; through the handle, so the pipe with what the child reported stays readable
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
            Path rawPartial = trial.resolve("raw.tif.partial");
            Path resPartial = trial.resolve("result.ome.tif.partial");
            long rawBytes = (long) StreamWriterChild.RAW_W * StreamWriterChild.RAW_H * 2;
            long resBytes = (long) StreamWriterChild.RES_W * StreamWriterChild.RES_H * 4;
            long rawOnDisk = Files.size(rawPartial) - StreamHeader.DATA_START;
            long completeRaw = rawOnDisk / rawBytes;
            long completeWindows = (Files.size(resPartial) - StreamHeader.DATA_START) / resBytes / StreamWriterChild.RECORD;
            midFrameCuts += rawOnDisk % rawBytes != 0 ? 1 : 0;
            String where = "trial " + t + " (killed after " + delayMs + " ms, " + reportedRaw + " frames reported)";
            assertTrue(completeRaw == reportedRaw || completeRaw == reportedRaw + 1, where + ": " + completeRaw + " on disk");
            assertTrue(completeWindows == reportedWindows || completeWindows == reportedWindows + 1,
                    where + ": " + completeWindows + " windows on disk, " + reportedWindows + " reported");
            assertEquals(List.of(rawPartial, resPartial).stream().sorted().toList(), TiffStreamRecovery.partialStreams(trial));

            if (completeRaw == 0) {
                // a kill before the first frame was complete (a loaded machine starts the child slowly): nothing to
                // recover, said so, and nothing made to look complete
                var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TiffStreamRecovery.recover(rawPartial), where);
                assertTrue(e.getMessage().contains("nothing to recover"), e.getMessage());
                assertFalse(Files.exists(trial.resolve("raw.tif")), where);
                deleteTree(trial);
                continue;
            }
            TiffStreamRecovery.Recovered raw = TiffStreamRecovery.recover(rawPartial);
            assertEquals(completeRaw, raw.frames(), where);
            checkRaw(raw.file(), completeRaw, where);
            if (completeWindows > 0) {
                TiffStreamRecovery.Recovered res = TiffStreamRecovery.recover(resPartial);
                assertEquals(completeWindows, res.records(), where);
                checkResult(res.file(), completeWindows, where);
            }
            assertFalse(Files.exists(rawPartial), where);
            deleteTree(trial);
        }
        // not required to pass, but tells whether the kills also cut frames in half (a short write on SIGKILL)
        System.out.println("crash recovery: " + TRIALS + " kills, " + midFrameCuts + " left a partial raw frame");
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private Process startChild(Path trial) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamWriterChild.class.getName(), trial.toString()));
        return new ProcessBuilder(cmd).redirectError(trial.resolve("child.err").toFile()).start();
    }

    private static void checkRaw(Path file, long frames, String where) {
        try (TiffStackReader r = TiffStackReader.open(file)) {
            assertEquals(frames, r.frameCount(), where);
            assertEquals(100.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9, where);
            assertEquals(10.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9, where);
            for (int k = 0; k < frames; k++) {
                short[] px = ((PixelData.U16) r.readFrame(k)).pixels();
                for (int i = 0; i < px.length; i++) {
                    if (px[i] != StreamWriterChild.raw(k, i)) {
                        throw new AssertionError(where + ": raw frame " + k + " pixel " + i + " is " + px[i]);
                    }
                }
            }
        }
    }

    private static void checkResult(Path file, long windows, String where) {
        try (TiffStackReader r = TiffStackReader.open(file)) {
            assertEquals(windows * StreamWriterChild.RECORD, r.frameCount(), where);
            assertEquals(20.0, r.metadata().pixelSizeNm().getAsDouble(), 1e-9, where);
            assertEquals(40.0, r.metadata().frameIntervalMs().getAsDouble(), 1e-9, where);
            for (int k = 0; k < r.frameCount(); k++) {
                float[] px = ((PixelData.F32) r.readFrame(k)).pixels();
                for (int i = 0; i < px.length; i++) {
                    if (px[i] != StreamWriterChild.result(k / StreamWriterChild.RECORD, k % StreamWriterChild.RECORD, i)) {
                        throw new AssertionError(where + ": result frame " + k + " pixel " + i + " is " + px[i]);
                    }
                }
            }
        }
    }
}
