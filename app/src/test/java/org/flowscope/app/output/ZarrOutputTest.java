package org.flowscope.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import mmcorej.org.json.JSONObject;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.io.zarr.ZarrStackReader;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.PythonZarr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.micromanager.ndtiffstorage.NDTiffStorage;

/** {@code --format ome-zarr} for live and process, recovery of a killed run's stores, and NDTiff/Zarr replay. */
class ZarrOutputTest {
    @TempDir
    Path dir;
    Path stack;
    ImageStack input;

    @BeforeEach
    void omeInput() {
        // an OME-TIFF as a microscope writes it: 65 nm pixels, 20 ms between frames
        input = ImageStack.zeros(20, 16, 18);
        for (int i = 0; i < input.data().length; i++) {
            input.data()[i] = 100 + (i * 37) % 900;
        }
        stack = dir.resolve("acq.ome.tif");
        TiffStacks.write(stack, input, StackMetadata.of(PixelType.U16, 65, 20), PixelType.U16,
                TiffWriteOptions.of(OutputFormat.OME_TIFF));
    }

    private static void assertCalibration(Path store, double nm, double ms) {
        try (ZarrStackReader r = ZarrStackReader.open(store)) {
            assertEquals(nm, r.metadata().pixelSizeNm().getAsDouble(), 1e-6, store + " pixel size");
            assertEquals(ms, r.metadata().frameIntervalMs().getAsDouble(), 1e-6, store + " frame interval");
            assertEquals("complete", r.status());
        }
    }

    @Test
    void liveWritesRawAndSuperResolvedResultAsOmeZarrWithTheirPhysicalScale() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "10",
                "--step", "5", "--op", "esrrf", "--magnification", "4", "--format", "ome-zarr", "--save-raw",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(Files.exists(out.resolve("result.tif")));
        assertCalibration(out.resolve("result.ome.zarr"), 65 / 4.0, 5 * 20);
        assertCalibration(out.resolve("raw.ome.zarr"), 65, 20);
        try (ZarrStackReader raw = ZarrStackReader.open(out.resolve("raw.ome.zarr"))) {
            assertEquals(20, raw.frameCount());
            assertEquals(PixelType.U16, raw.pixelType());
            short[] f7 = ((PixelData.U16) raw.readFrame(7)).pixels();
            for (int i = 0; i < f7.length; i++) {
                assertEquals((int) input.data()[input.offset(7) + i], f7[i] & 0xFFFF, "raw frame 7 pixel " + i);
            }
        }
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("ome-zarr", run.path("outputs").path("format").asText(), run.toString());
        String report = Files.readString(out.resolve("report.html"));
        assertFalse(report.contains("cannot read result.ome.zarr") || report.contains("no result file"),
                "the report shows the reconstruction from the OME-Zarr store");
        if (PythonZarr.available()) {
            Map<String, String> z = PythonZarr.probe(out.resolve("result.ome.zarr"));
            assertEquals("float32", z.get("dtype"));
            assertTrue(z.get("shape").endsWith("x64x72"), z.get("shape"));
            assertEquals("0.1,0.01625,0.01625", z.get("scale"));
            assertEquals("t:time:second,y:space:micrometer,x:space:micrometer", z.get("axes"));
            assertEquals("uint16", PythonZarr.probe(out.resolve("raw.ome.zarr")).get("dtype"));
        }
    }

    @Test
    void anEarlierRunsStoresAreReplacedOnlyWithOverwriteAndAKilledRunsStoreAsksForRecovery() throws Exception {
        Path out = dir.resolve("run");
        String[] args = {"live", "--source", "replay:" + stack, "--fps", "0", "--window", "5", "--op", "average",
                "--format", "ome-zarr", "--out", out.toString()};
        assertEquals(0, CliRunner.run(args).exitCode());
        // only the stores left: they alone make the folder an earlier run's
        Files.delete(out.resolve("run.json"));
        Files.deleteIfExists(out.resolve("report.html"));
        CliRunner.Result again = CliRunner.run(args);
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode(), again.toString());
        assertTrue(again.err().contains("result.ome.zarr"), again.err());
        String[] overwrite = java.util.Arrays.copyOf(args, args.length + 1);
        overwrite[args.length] = "--overwrite";
        assertEquals(0, CliRunner.run(overwrite).exitCode());

        Path killed = dir.resolve("killed");
        Files.createDirectories(killed);
        killedRunStore(killed.resolve("raw.ome.zarr"), 7);
        CliRunner.Result refused = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5",
                "--op", "average", "--format", "ome-zarr", "--out", killed.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("flowscope recover"), refused.err());
    }

    @Test
    void recoverTurnsAKilledRunsPartialStoreIntoACompleteOne() throws Exception {
        Path killed = Files.createDirectories(dir.resolve("killed"));
        killedRunStore(killed.resolve("raw.ome.zarr"), 7);
        CliRunner.Result r = CliRunner.run("recover", killed.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(7, json.path("recovered").path("raw").path("frames").asLong(), r.out());
        assertEquals("ome-zarr", json.path("recovered").path("raw").path("format").asText());
        try (ZarrStackReader z = ZarrStackReader.open(killed.resolve("raw.ome.zarr"))) {
            assertEquals(7, z.frameCount());
            assertEquals("recovered", z.status());
            assertArrayEquals(frame(6), ((PixelData.U16) z.readFrame(6)).pixels());
        }
        assertEquals("recovered", new ObjectMapper().readTree(killed.resolve("run.json").toFile()).path("status").asText());
    }

    @Test
    void processWritesAndReadsOmeZarrFoldersAndRefusesTheFormatForAFileName() {
        Path avg = dir.resolve("avg.ome.zarr");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", stack.toString(), "--output", avg.toString(),
                "--frames-per-timepoint", "5", "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        try (ZarrStackReader z = ZarrStackReader.open(avg)) {
            assertEquals(4, z.frameCount());
            assertEquals(PixelType.F32, z.pixelType());
            assertEquals(65, z.metadata().pixelSizeNm().getAsDouble(), 1e-9);
        }
        // an OME-Zarr folder is also an input
        Path again = dir.resolve("avg2.tif");
        CliRunner.Result in = CliRunner.run("process", "average", "--input", avg.toString(), "--output", again.toString(),
                "--frames-per-timepoint", "2", "--no-history");
        assertEquals(0, in.exitCode(), in.toString());
        org.flowscope.core.io.TiffStack t = TiffStacks.read(again);
        assertEquals(2, t.stack().frames());
        assertEquals(65, t.metadata().pixelSizeNm().getAsDouble(), 1e-9);
        CliRunner.Result bad = CliRunner.run("process", "average", "--input", stack.toString(), "--output",
                dir.resolve("avg.tif").toString(), "--format", "ome-zarr", "--no-history");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("*.zarr"), bad.err());
    }

    @Test
    void aReplayedNdTiffDatasetsPixelSizeAndIntervalArriveInRunJsonAndEveryOutput() throws Exception {
        JSONObject summary = new JSONObject();
        summary.put("PixelSize_um", 0.108);
        NDTiffStorage w = new NDTiffStorage(dir.toString(), "mm", summary, 0, 0, false, null, 50, null, true);
        for (int t = 0; t < 12; t++) {
            short[] px = new short[18 * 16];
            for (int i = 0; i < px.length; i++) {
                px[i] = (short) (200 + (t * 31 + i * 7) % 500);
            }
            JSONObject md = new JSONObject();
            md.put("ElapsedTime-ms", t * 30.0);
            HashMap<String, Object> axes = new HashMap<>();
            axes.put("time", t);
            w.putImage(px, md, axes, false, 16, 16, 18).get();
        }
        w.finishedWriting();
        w.closeAndWait();
        Path out = dir.resolve("nd");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + w.getDiskLocation(), "--fps", "0",
                "--window", "4", "--op", "average", "--save-raw", "--format", "ome-zarr", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(108, run.path("inputs").path("pixelSizeNm").asDouble(), 1e-9, run.toString());
        assertEquals("ndtiff", run.path("replay").path("format").asText(), run.toString());
        assertEquals(30, run.path("replay").path("frameIntervalMs").asDouble(), 1e-9, run.toString());
        assertCalibration(out.resolve("raw.ome.zarr"), 108, 30);
        assertCalibration(out.resolve("result.ome.zarr"), 108, 120);
    }

    private static short[] frame(int k) {
        short[] px = new short[12];
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) (k * 10 + i);
        }
        return px;
    }

    /** The partial store a killed run leaves: written while the writer still runs, copied, then the writer aborted. */
    private static void killedRunStore(Path store, int frames) throws IOException {
        Path partial = ZarrStreamWriter.partialPath(store);
        Path copy = partial.resolveSibling("copy");
        try (ZarrStreamWriter w = ZarrStreamWriter.create(store, 4, 3, PixelType.U16, StackMetadata.of(PixelType.U16, 100, 10),
                ZarrWriteOptions.named("raw", "raw").withFramesPerChunk(3))) {
            for (int k = 0; k < frames; k++) {
                w.append(new PixelData.U16(frame(k)));
            }
            copyTree(partial, copy);
        }
        Files.move(copy, partial);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
