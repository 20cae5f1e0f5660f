package org.flowscope.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.testing.Tifffile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files of live and process: formats, calibration carried from the source, and the overwrite rules. */
class OutputFilesTest {
    @TempDir
    Path dir;
    Path stack;

    @BeforeEach
    void omeInput() {
        // an OME-TIFF as a microscope writes it: 65 nm pixels, 20 ms between frames
        ImageStack s = ImageStack.zeros(20, 16, 18);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = 100 + (i * 37) % 900;
        }
        stack = dir.resolve("acq.ome.tif");
        TiffStacks.write(stack, s, StackMetadata.of(PixelType.U16, 65, 20), PixelType.U16,
                TiffWriteOptions.of(OutputFormat.OME_TIFF));
    }

    private static void assertCalibration(Path file, double nm, double ms) {
        TiffStack t = TiffStacks.read(file);
        assertEquals(nm, t.metadata().pixelSizeNm().getAsDouble(), 1e-6, file + " pixel size");
        assertEquals(ms, t.metadata().frameIntervalMs().getAsDouble(), 1e-6, file + " frame interval");
    }

    @Test
    void aReplayedOmeTiffsPixelSizeAndIntervalReachEveryLiveOutput() {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5",
                "--op", "average", "--save-raw", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertCalibration(out.resolve("raw.tif"), 65, 20);
        assertCalibration(out.resolve("result.tif"), 65, 100); // one result per 5-frame window
    }

    @Test
    void liveEsrrfWritesItsResultWithTheSuperResolvedPixelSizeAndTheStepAsInterval() {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "10",
                "--step", "5", "--op", "esrrf", "--magnification", "4", "--format", "ome-tiff", "--save-raw",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(Files.exists(out.resolve("result.tif")));
        TiffStack res = TiffStacks.read(out.resolve("result.ome.tif"));
        assertEquals(18 * 4, res.stack().width());
        assertCalibration(out.resolve("result.ome.tif"), 65 / 4.0, 5 * 20);
        assertCalibration(out.resolve("raw.ome.tif"), 65, 20);
        if (Tifffile.available()) {
            Map<String, String> t = Tifffile.probe(out.resolve("result.ome.tif"));
            assertEquals("True", t.get("ome"));
            assertEquals(0.01625, Double.parseDouble(t.get("ome.PhysicalSizeX")), 1e-12);
            assertEquals(0.1, Double.parseDouble(t.get("ome.TimeIncrement")), 1e-12);
            assertEquals("esrrf", t.get("ome.ChannelName"));
            assertEquals(res.stack().frames() + "x64x72", t.get("shape"));
        }
    }

    @Test
    void processEsrrfWritesOmeTiffWhenAskedOrWhenTheNameSaysSo() {
        Path sr = dir.resolve("sr.tif");
        assertEquals(0, CliRunner.run("process", "esrrf", "--input", stack.toString(), "--output", sr.toString(),
                "--magnification", "2", "--format", "ome-tiff").exitCode());
        assertCalibration(sr, 32.5, 20 * 20);
        Path byName = dir.resolve("sr2.ome.tif");
        assertEquals(0, CliRunner.run("process", "average", "--input", stack.toString(), "--output",
                byName.toString()).exitCode());
        if (Tifffile.available()) {
            assertEquals("True", Tifffile.probe(sr).get("ome"));
            assertEquals("32.5", String.valueOf(1e3 * Double.parseDouble(Tifffile.probe(sr).get("ome.PhysicalSizeX"))));
            Map<String, String> t = Tifffile.probe(byName);
            assertEquals("True", t.get("ome"));
            assertEquals("average", t.get("ome.ChannelName"));
        }
    }

    @Test
    void processRefusesToReplaceAnExistingOutputWithoutOverwrite() throws Exception {
        Path avg = dir.resolve("avg.tif");
        Files.writeString(avg, "precious");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", stack.toString(), "--output", avg.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("output " + avg + " already exists") && r.err().contains("--overwrite"), r.err());
        assertEquals("precious", Files.readString(avg));
        r = CliRunner.run("process", "average", "--input", stack.toString(), "--output", avg.toString(), "--overwrite");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(1, TiffStacks.read(avg).stack().frames());

        Path drift = dir.resolve("drift.csv");
        Files.writeString(drift, "precious");
        r = CliRunner.run("process", "drift-estimate", "--input", stack.toString(), "--output", drift.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("drift.csv already exists"), r.err());
    }

    @Test
    void aFolderWithAKilledRunsPartialFilesIsRefusedWithoutOverwrite() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run"));
        byte[] partial = {'f', 'l', 'o', 'w'};
        Files.write(out.resolve("raw.tif.partial"), partial);
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5",
                "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("holds raw.tif.partial") && r.err().contains("flowscope recover " + out), r.err());
        assertArrayEquals(partial, Files.readAllBytes(out.resolve("raw.tif.partial")));
        r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5", "--out", out.toString(),
                "--overwrite");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(Files.exists(out.resolve("raw.tif.partial")));
        assertFalse(Files.exists(out.resolve("run.json.partial")));
        assertTrue(Files.exists(out.resolve("run.json")));
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefusedAndTouchesNothing() throws Exception {
        Path out = dir.resolve("run");
        try (RunFolder first = RunFolder.forNewRun(out, false)) {
            Files.writeString(out.resolve("raw.tif.partial"), "the first run's frames");
            CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + stack, "--fps", "0", "--window", "5",
                    "--out", out.toString(), "--overwrite", "--save-raw");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains("is in use by another flowscope run"), r.err());
            assertEquals("the first run's frames", Files.readString(out.resolve("raw.tif.partial")));
            assertFalse(Files.exists(out.resolve("raw.tif")));
        }
        assertEquals(0, Files.size(out.resolve(RunFolder.LOCK)));
        assertTrue(Arrays.asList(out.toFile().list()).contains("raw.tif.partial"));
    }
}
